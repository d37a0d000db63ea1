package org.vigie.cli;

import java.util.List;

/** A command-line command of the jar, found by CDI: a bean implementing it is a new command. */
public interface Subcommand {

    /** The word that selects it: {@code import}, {@code import-cities}. */
    String name();

    /** One line: the name, its arguments and what it does. */
    String usage();

    /** Runs with the arguments after the name; returns the process exit code (0 on success). */
    int run(List<String> args);
}
