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
            // stdout is the command's (import --json prints its report there): logs go to stderr, and a
            // failed start is told in a few lines (StartFailure) rather than as Quarkus's stack trace.
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty(START_LOG, System.getProperty(START_LOG, "OFF"));
            String command = args[0];
            Quarkus.run(VigieMain.class, (code, failure) -> {
                if (failure != null && !started) {
                    System.err.println(StartFailure.describe(command, failure));
                } else if (failure != null) {
                    // a command's own failures are reported by the command: this one is a bug
                    System.err.println("vigie " + command + ": unexpected failure");
                    failure.printStackTrace();
                }
                System.exit(code);
            }, args);
            return;
        }
        Quarkus.run(VigieMain.class, args);
    }

    /** Set once the application has started: a failure before is a start failure, after it a command's. */
    private static volatile boolean started;

    private static final String START_LOG = "quarkus.log.category.\"io.quarkus.runtime.Application\".level";

    @Override
    public int run(String... args) {
        started = true;
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
