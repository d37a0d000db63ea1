package org.vigie.camera.export;

/** The credit the ODbL requires on data derived from OpenStreetMap. */
public final class OsmAttribution {

    /** The {@code source} of cameras imported from OpenStreetMap. */
    public static final String SOURCE = "osm";
    public static final String TEXT = "© OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright";

    private OsmAttribution() {
    }

    /** The attribution a camera from this source must carry, or null. */
    public static String of(String source) {
        return SOURCE.equals(source) ? TEXT : null;
    }
}
