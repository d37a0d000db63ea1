package org.vigie.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One jar, two uses: without arguments it serves the app; with a subcommand ({@code import},
 * {@code import-cities}, ...) it runs that command against the same database and exits.
 */
@QuarkusMain
public class VigieMain implements QuarkusApplication {

    @Inject
    Instance<Subcommand> subcommands;

    public static void main(String... args) {
        if (args.length > 0) {
            // A command must not take the HTTP port of a server that may be running beside it.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.console.level", System.getProperty("quarkus.log.console.level", "WARN"));
        }
        Quarkus.run(VigieMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            System.out.println(usage());
            return 0;
        }
        Optional<Subcommand> command = subcommands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            System.err.println("vigie: unknown command \"" + name + "\"\n" + usage());
            return 2;
        }
        try {
            return command.get().run(List.of(Arrays.copyOfRange(args, 1, args.length)));
        } catch (UsageException e) {
            System.err.println("vigie " + name + ": " + e.getMessage() + "\nusage: " + command.get().usage());
            return 2;
        }
    }

    private String usage() {
        return "usage: java -jar quarkus-run.jar [COMMAND ARGS...]\n"
                + "  (no command)  serve the app\n"
                + subcommands.stream().map(c -> "  " + c.usage()).sorted().collect(Collectors.joining("\n"));
    }
}
