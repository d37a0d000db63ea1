package org.vigie.importer.list;

import java.util.List;
import java.util.Locale;

/**
 * How to read an official list (a CSV): which columns hold what, where it comes from. Positions come
 * from {@code lon}/{@code lat} columns, or from {@code x}/{@code y} in Lambert-93 ({@code crs}
 * EPSG:2154). {@code operator} is a text for every row, or {@code operatorColumn} names the column.
 * A row within {@code matchDistance} metres of a known camera of the same kind, from another source,
 * is linked to it instead of counted twice.
 */
public record ListOptions(String source, String lon, String lat, String x, String y, String crs,
                          String ref, String date, String dateFormat, List<String> address,
                          String operator, String operatorColumn, String kind, double matchDistance) {

    public static final String LAMBERT_93 = "EPSG:2154";
    public static final String WGS_84 = "EPSG:4326";
    public static final String DEFAULT_DATE_FORMAT = "dd/MM/yyyy";
    public static final double DEFAULT_MATCH_DISTANCE = 15;
    /** The Paris police's list of its cameras, published with an arrêté: read with no column option. */
    static final List<String> PARIS_POLICE_HEADER = List.of("code postal", "numéro", "implantation", "précision",
            "date de mise en service", "lon", "lat");

    /** These options, with the Paris police's columns wherever none was named, when the header is theirs. */
    public ListOptions withPresetFor(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.containsAll(PARIS_POLICE_HEADER) || lon != null || lat != null || x != null || y != null) {
            return this;
        }
        return new ListOptions(source, "lon", "lat", null, null, WGS_84,
                ref != null ? ref : "Numéro",
                date != null ? date : "Date de mise en service",
                dateFormat != null ? dateFormat : "dd/MM/yy",
                address != null && !address.isEmpty() ? address : List.of("Implantation", "Précision", "Code postal"),
                operator != null || operatorColumn != null ? operator : "Préfecture de police",
                operatorColumn, kind, matchDistance);
    }

    public boolean lambert93() {
        return LAMBERT_93.equalsIgnoreCase(crs);
    }
}
