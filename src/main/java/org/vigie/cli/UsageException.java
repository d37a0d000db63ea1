package org.vigie.cli;

/** The command line was wrong: the message says how, and the usage line follows it. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
