package org.vigie.importer.list;

import org.vigie.importer.ImportFailure;
import org.vigie.importer.ImportSink;
import org.vigie.importer.SourceFiles;
import org.vigie.importer.SourceObject;
import org.vigie.importer.SourceReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an official list of cameras (CSV) with the columns {@link ListOptions} names. Every column
 * is kept as a raw tag; the ones named get the tags {@link #REF}, {@link #DATE}, {@link #ADDRESS} and
 * {@link #OPERATOR} for the mapper. A row whose position is missing or broken is counted by reason,
 * never a failure; a column named but absent from the header fails the whole file before anything
 * is written. Lists are small (thousands of rows): the file is read whole, to tell its encoding.
 */
public final class OfficialListReader implements SourceReader {

    public static final String REF = "vigie:ref";
    /** The date of commissioning, as yyyy-mm-dd. */
    public static final String DATE = "vigie:date";
    /** A date of commissioning that did not parse in the list's format, as written. */
    public static final String DATE_UNPARSED = "vigie:date_unparsed";
    public static final String ADDRESS = "vigie:address";
    public static final String OPERATOR = "vigie:operator";
    /** Larger than any list yet published; a bigger file is not a list of cameras. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private final ListOptions given;

    public OfficialListReader(ListOptions options) {
        this.given = options;
    }

    @Override
    public void read(Path file, ImportSink sink) {
        byte[] bytes;
        try (InputStream in = SourceFiles.open(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportFailure(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB: not a list of cameras");
        }
        String text = CsvText.decode(bytes);
        List<CsvText.Record> records = CsvText.records(text, CsvText.separator(text));
        if (records.isEmpty()) {
            throw new ImportFailure(file + " is empty");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        ListOptions o = given.withPresetFor(header);
        Columns columns = new Columns(header, file);
        int lonColumn = columns.index(o.lambert93() ? o.x() : o.lon(), o.lambert93() ? "--x" : "--lon");
        int latColumn = columns.index(o.lambert93() ? o.y() : o.lat(), o.lambert93() ? "--y" : "--lat");
        int refColumn = o.ref() == null ? -1 : columns.index(o.ref(), "--ref");
        int dateColumn = o.date() == null ? -1 : columns.index(o.date(), "--date");
        int operatorColumn = o.operatorColumn() == null ? -1 : columns.index(o.operatorColumn(), "--operator-column");
        List<Integer> addressColumns = new ArrayList<>();
        for (String name : o.address() == null ? List.<String>of() : o.address()) {
            addressColumns.add(columns.index(name, "--address"));
        }
        for (CsvText.Record row : records.subList(1, records.size())) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!row.get(i).isEmpty()) {
                    tags.put(header.get(i), row.get(i));
                }
            }
            double[] position = position(row.get(lonColumn), row.get(latColumn), o.lambert93());
            if (position == null) {
                sink.skipped(row.get(lonColumn).isEmpty() || row.get(latColumn).isEmpty() ? "no_coordinates" : "invalid_coordinates");
                continue;
            }
            String ref = refColumn < 0 ? null : row.get(refColumn);
            putIfPresent(tags, REF, ref);
            String date = dateColumn < 0 ? "" : row.get(dateColumn);
            if (!date.isEmpty()) {
                // the list's own format is known here (the preset's included): the mapper gets an ISO date
                java.time.LocalDate parsed = OfficialListMapper.date(date, o.dateFormat());
                tags.put(parsed == null ? DATE_UNPARSED : DATE, parsed == null ? date : parsed.toString());
            }
            putIfPresent(tags, OPERATOR, operatorColumn < 0 ? o.operator() : row.get(operatorColumn));
            putIfPresent(tags, ADDRESS, String.join(", ", addressColumns.stream().map(row::get).filter(v -> !v.isEmpty()).toList()));
            sink.object(new SourceObject(sourceId(ref, position), null, position[0], position[1], tags));
        }
    }

    /**
     * The row's id in its source: the list's own reference when it has one, else its position to the
     * centimetre, so that importing the same list again finds the same rows.
     */
    static String sourceId(String ref, double[] position) {
        if (ref != null && !ref.isEmpty()) {
            return ref;
        }
        return String.format(Locale.ROOT, "@%.7f,%.7f", position[0], position[1]);
    }

    /** {lon, lat}, or null when the values are not numbers or fall outside the world (or France for Lambert-93). */
    static double[] position(String first, String second, boolean lambert93) {
        Double a = number(first);
        Double b = number(second);
        if (a == null || b == null) {
            return null;
        }
        if (lambert93) {
            // Lambert-93 covers metropolitan France: eastings 0..1,300 km, northings 6,000..7,200 km
            if (a < 0 || a > 1_300_000 || b < 6_000_000 || b > 7_200_000) {
                return null;
            }
            return Lambert93.toLonLat(a, b);
        }
        if (Math.abs(a) > 180 || Math.abs(b) > 90 || (a == 0 && b == 0)) {
            return null;
        }
        return new double[] {a, b};
    }

    /** A decimal number, with a comma or a point. */
    private static Double number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip().replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void putIfPresent(Map<String, String> tags, String key, String value) {
        if (value != null && !value.isBlank()) {
            tags.put(key, value.strip());
        }
    }

    /** The header's columns, found by name regardless of case and surrounding spaces. */
    private record Columns(List<String> header, Path file) {
        int index(String name, String option) {
            if (name == null) {
                throw new ImportFailure(file + ": name the column of " + option.substring(2) + " with " + option
                        + " (the header has: " + String.join(", ", header) + ")");
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name.strip())) {
                    return i;
                }
            }
            throw new ImportFailure(file + ": no column \"" + name + "\" (" + option + ") in its header: " + String.join(", ", header));
        }
    }
}
