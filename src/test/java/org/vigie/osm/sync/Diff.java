package org.vigie.osm.sync;

/** osmChange files written by the tests, element by element. */
public final class Diff {

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<osmChange version=\"0.6\" generator=\"test\">\n");

    /** When the elements written next were saved (each element's timestamp attribute). */
    private String timestamp = "2026-12-06T10:00:00Z";

    public static Diff change() {
        return new Diff();
    }

    /** The elements written from now on were saved at {@code instant} (ISO 8601, 2016-05-01T08:00:00Z). */
    public Diff savedAt(String instant) {
        timestamp = instant;
        return this;
    }

    /** A node with tags (key, value, key, value...); {@code action} is create or modify. */
    public Diff node(String action, long id, int version, double lon, double lat, String... tags) {
        xml.append("<").append(action).append(">\n  <node id=\"").append(id).append("\" version=\"").append(version)
                .append("\" timestamp=\"").append(timestamp).append("\" lat=\"").append(lat).append("\" lon=\"").append(lon).append("\">\n");
        tags(tags);
        xml.append("  </node>\n</").append(action).append(">\n");
        return this;
    }

    public Diff camera(String action, long id, int version, double lon, double lat, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "man_made";
        all[1] = "surveillance";
        System.arraycopy(tags, 0, all, 2, tags.length);
        return node(action, id, version, lon, lat, all);
    }

    Diff way(String action, long id, int version, long[] nodes, String... tags) {
        xml.append("<").append(action).append(">\n  <way id=\"").append(id).append("\" version=\"").append(version).append("\">\n");
        for (long n : nodes) {
            xml.append("    <nd ref=\"").append(n).append("\"/>\n");
        }
        tags(tags);
        xml.append("  </way>\n</").append(action).append(">\n");
        return this;
    }

    Diff delete(String type, long id, int version) {
        xml.append("<delete>\n  <").append(type).append(" id=\"").append(id).append("\" version=\"").append(version)
                .append("\"/>\n</delete>\n");
        return this;
    }

    /** Raw XML inside the root, for broken elements. */
    Diff raw(String text) {
        xml.append(text).append('\n');
        return this;
    }

    private void tags(String... tags) {
        for (int i = 0; i < tags.length; i += 2) {
            xml.append("    <tag k=\"").append(tags[i]).append("\" v=\"").append(tags[i + 1]).append("\"/>\n");
        }
    }

    public String xml() {
        return xml + "</osmChange>\n";
    }
}
