package org.vigie.city.boundary;

import java.util.List;

/** A boundary file that cannot be imported; {@code problems} says which features and why. Nothing was written. */
public class InvalidBoundaryFile extends RuntimeException {

    private final List<String> problems;

    public InvalidBoundaryFile(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidBoundaryFile(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
