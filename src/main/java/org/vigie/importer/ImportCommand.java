package org.vigie.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.locationtech.jts.geom.Envelope;
import org.vigie.camera.rest.Bbox;
import org.vigie.cli.Subcommand;
import org.vigie.common.problem.FieldError;
import org.vigie.cli.UsageException;
import org.vigie.importer.list.ListOptions;
import org.vigie.importer.list.ListOptionsParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import [--format F] [--full-area [--bbox ...]] [--json] FILE...}: each file in its own transaction.
 * An official list ({@code --format csv}) takes its columns and source as options or a mapping file.
 */
@ApplicationScoped
public class ImportCommand implements Subcommand {

    private final ImportService imports;
    private final ObjectMapper json;

    public ImportCommand(ImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import [--format " + String.join("|", ImportFormat.options().split(", ")) + "] [--full-area [--bbox minLon,minLat,maxLon,maxLat]] [--json] FILE...\n"
                + "  an official list: --format csv --source NAME [--lon COL --lat COL | --x COL --y COL --crs EPSG:2154] [--ref COL]\n"
                + "    [--date COL [--date-format dd/MM/yyyy]] [--address COL]... [--operator TEXT | --operator-column COL] [--kind KIND]\n"
                + "    [--match-distance 15] [--mapping FILE] (the Paris police's list needs --source only)";
    }

    @Override
    public int run(List<String> args) {
        ImportFormat format = null;
        boolean fullArea = false;
        boolean asJson = false;
        Envelope area = null;
        List<Path> files = new ArrayList<>();
        Map<String, List<String>> listValues = new LinkedHashMap<>();
        Path mapping = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--format" -> {
                    String value = value(args, ++i, arg);
                    format = ImportFormat.ofOption(value)
                            .orElseThrow(() -> new UsageException("unknown format \"" + value + "\": one of " + ImportFormat.options()));
                }
                case "--full-area" -> fullArea = true;
                case "--bbox" -> area = bbox(value(args, ++i, arg));
                case "--json" -> asJson = true;
                case "--mapping" -> mapping = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") && ListOptionsParser.NAMES.contains(arg.substring(2))) {
                        listValues.computeIfAbsent(arg.substring(2), k -> new ArrayList<>()).add(value(args, ++i, arg));
                        continue;
                    }
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("name at least one file to import");
        }
        if (area != null && !fullArea) {
            throw new UsageException("--bbox goes with --full-area");
        }
        ListOptions list = listOptions(format, listValues, mapping);
        int failures = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            try {
                ImportReport report = imports.importFile(file, new ImportOptions(format, fullArea, area, list),
                        counters -> progress(file, counters, start));
                System.out.println(asJson ? json.valueToTree(report).toString() : describe(report));
            } catch (ImportFailure e) {
                failures++;
                System.err.println("vigie import: " + e.getMessage() + "\nvigie import: nothing was imported from " + file);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The list's options, the mapping file's values first and the command line's over them; null for other formats. */
    private static ListOptions listOptions(ImportFormat format, Map<String, List<String>> given, Path mapping) {
        if (format != ImportFormat.CSV) {
            if (!given.isEmpty() || mapping != null) {
                throw new UsageException("--" + (mapping != null ? "mapping" : given.keySet().iterator().next())
                        + " goes with --format csv (an official list)");
            }
            return null;
        }
        try {
            Map<String, List<String>> values = mapping == null ? new LinkedHashMap<>() : ListOptionsParser.mappingFile(mapping);
            values.putAll(given);
            return ListOptionsParser.parse(values);
        } catch (ListOptionsParser.Invalid e) {
            throw new UsageException("--" + e.option() + ": " + e.getMessage());
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static Envelope bbox(String value) {
        List<FieldError> errors = new ArrayList<>();
        double[] box = Bbox.parse(value, errors, "is empty");
        if (!errors.isEmpty()) {
            throw new UsageException("--bbox " + errors.get(0).reason());
        }
        return new Envelope(box[0], box[2], box[1], box[3]);
    }

    private static void progress(Path file, ImportCounters c, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "%s: %,d elements read, %,d cameras written, %,.0f elements/s, %.1f s%n",
                file.getFileName(), c.read(), c.written(), seconds > 0 ? c.read() / seconds : 0.0, seconds);
    }

    static String describe(ImportReport r) {
        StringBuilder out = new StringBuilder()
                .append(r.file()).append(" (").append(r.format()).append(", source ").append(r.source()).append(")\n")
                .append(String.format(Locale.ROOT, "  elements read %,d in %.2f s (%,d cameras/s)%n", r.elementsRead(), r.seconds(), r.camerasPerSecond()))
                .append(String.format(Locale.ROOT, "  imported %,d, updated %,d, unchanged %,d, removed %,d%n",
                        r.created(), r.updated(), r.unchanged(), r.removed()));
        if (r.linked() > 0) {
            out.append(String.format(Locale.ROOT, "  linked %,d: rows within the match distance of a known camera, merged into it%n", r.linked()));
        }
        if (r.conflicts() > 0) {
            out.append(String.format(Locale.ROOT, "  conflicts %,d: edited by volunteers since their import, their values kept: %s%n",
                    r.conflicts(), String.join(", ", r.conflictSourceIds())));
        }
        out.append(String.format(Locale.ROOT, "  skipped %,d%s%n", r.skippedTotal(), breakdown(r.skipped())));
        if (!r.notes().isEmpty()) {
            out.append("  values kept raw, not understood:").append(breakdown(r.notes())).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String breakdown(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((reason, n) -> out.append(String.format(Locale.ROOT, "%n    %-28s %,d", reason, n)));
        return out.toString();
    }
}
