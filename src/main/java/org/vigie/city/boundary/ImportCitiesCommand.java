package org.vigie.city.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.cli.Subcommand;
import org.vigie.cli.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code import-cities FILE [--name-property P] [--code-property P]}: city boundaries from GeoJSON. */
@ApplicationScoped
public class ImportCitiesCommand implements Subcommand {

    static final int MAX_PROBLEMS_SHOWN = 30;

    private final CityImportService importer;

    public ImportCitiesCommand(CityImportService importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import-cities";
    }

    @Override
    public String usage() {
        return "import-cities FILE [--name-property P] [--code-property P]   city boundaries from a GeoJSON "
                + "FeatureCollection (defaults: nom/code, or name/ref:INSEE)";
    }

    @Override
    public int run(List<String> args) {
        PrintStream err = System.err;
        Arguments arguments = Arguments.parse(args);
        BoundaryFile.Contents contents;
        try (InputStream in = Files.newInputStream(arguments.file())) {
            contents = BoundaryFile.read(in, arguments.nameProperty(), arguments.codeProperty());
        } catch (NoSuchFileException e) {
            err.println("vigie import-cities: " + arguments.file() + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("vigie import-cities: " + arguments.file() + ": cannot read it: " + e.getMessage());
            return 1;
        } catch (InvalidBoundaryFile e) {
            return refused(arguments.file(), e, err);
        }
        try {
            CityImportService.Result result = importer.store(contents.boundaries());
            System.out.printf("vigie import-cities: %d cities from %s (%d new, %d updated; names from \"%s\", codes from \"%s\"); "
                            + "%d cameras changed city%n",
                    contents.boundaries().size(), arguments.file(), result.created(), result.updated(),
                    contents.nameProperty(), contents.codeProperty(), result.camerasReassigned());
            return 0;
        } catch (InvalidBoundaryFile e) {
            return refused(arguments.file(), e, err);
        }
    }

    private static int refused(Path file, InvalidBoundaryFile e, PrintStream err) {
        List<String> problems = e.problems();
        err.println("vigie import-cities: " + file + ": nothing was imported, "
                + (problems.size() == 1 ? "1 problem:" : problems.size() + " problems:"));
        problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> err.println("  " + p));
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.println("  ... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more");
        }
        return 1;
    }

    /** The parsed command line. */
    record Arguments(Path file, String nameProperty, String codeProperty) {

        static Arguments parse(List<String> args) {
            Path file = null;
            String name = null;
            String code = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (option.equals("--name-property") || option.equals("--code-property")) {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(option + " needs a property name");
                    }
                    if (value.isBlank()) {
                        throw new UsageException(option + " needs a property name");
                    }
                    if (option.equals("--name-property")) {
                        name = value;
                    } else {
                        code = value;
                    }
                } else if (arg.startsWith("-")) {
                    throw new UsageException("unknown option " + arg);
                } else if (file != null) {
                    throw new UsageException("one FILE only (got " + file + " and " + arg + ")");
                } else {
                    file = Path.of(arg);
                }
            }
            if (file == null) {
                throw new UsageException("FILE is missing");
            }
            return new Arguments(file, name, code);
        }
    }
}
