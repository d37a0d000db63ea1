package org.vigie.importer.osm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenStreetMap direction values: degrees ({@code 90}, {@code -120}), cardinal points
 * ({@code SW}, {@code south}), {@code ;} lists ({@code 0;90;180;270}) and ranges a camera can turn
 * through ({@code 0-90}, {@code 0 - 360}). Anything else is not guessed: it yields nothing.
 */
public final class DirectionParser {

    /** Bearings to use, and how many degrees a range adds to the width of view (360: all around). */
    public record Directions(List<Integer> bearings, int sweep) {
        public boolean allAround() {
            return sweep >= 360;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:\\.\\d+)?");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*-\\s*(\\d{1,3}(?:\\.\\d+)?)");
    private static final Map<String, Double> CARDINAL = cardinals();

    private DirectionParser() {
    }

    public static Optional<Directions> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int plain = plainDegrees(value);
        if (plain != NOT_PLAIN) {
            // The common case, "90": what the loop below makes of it, without its regular expressions.
            return Math.abs(plain) > 360 ? Optional.empty()
                    : Optional.of(new Directions(new ArrayList<>(List.of(normalise(plain))), 0));
        }
        Set<Integer> bearings = new LinkedHashSet<>();
        int sweep = 0;
        for (String raw : value.split(";")) {
            String part = raw.strip().toLowerCase(Locale.ROOT);
            Matcher range = RANGE.matcher(part);
            if (NUMBER.matcher(part).matches()) {
                double degrees = Double.parseDouble(part);
                if (Math.abs(degrees) > 360) {
                    return Optional.empty();
                }
                bearings.add(normalise(degrees));
            } else if (range.matches()) {
                double from = Double.parseDouble(range.group(1));
                double to = Double.parseDouble(range.group(2));
                if (from > 360 || to > 360) {
                    return Optional.empty();
                }
                // Clockwise from one bound to the other: 270-90 turns through north; 0-360 all around.
                double span = to - from;
                if (span <= 0) {
                    span += 360;
                }
                sweep = Math.max(sweep, (int) Math.round(span));
                bearings.add(normalise(from + span / 2));
            } else if (CARDINAL.containsKey(part)) {
                bearings.add(normalise(CARDINAL.get(part)));
            } else {
                return Optional.empty();
            }
        }
        if (sweep >= 360) {
            return Optional.of(new Directions(List.of(), 360));
        }
        return Optional.of(new Directions(new ArrayList<>(bearings), sweep));
    }

    private static final int NOT_PLAIN = Integer.MIN_VALUE;

    /** The value of 1 to 3 ASCII digits, with or without a minus sign (what NUMBER matches without a fraction); else NOT_PLAIN. */
    private static int plainDegrees(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        int digits = value.length() - start;
        if (digits < 1 || digits > 3) {
            return NOT_PLAIN;
        }
        int n = 0;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            n = 10 * n + (c - '0');
        }
        return start == 1 ? -n : n;
    }

    private static int normalise(double degrees) {
        return (int) Math.round(((degrees % 360) + 360) % 360) % 360;
    }

    private static Map<String, Double> cardinals() {
        String[] points = {"n", "nne", "ne", "ene", "e", "ese", "se", "sse", "s", "ssw", "sw", "wsw", "w", "wnw", "nw", "nnw"};
        Map<String, Double> map = new java.util.HashMap<>();
        for (int i = 0; i < points.length; i++) {
            map.put(points[i], i * 22.5);
        }
        map.put("north", 0.0);
        map.put("northeast", 45.0);
        map.put("east", 90.0);
        map.put("southeast", 135.0);
        map.put("south", 180.0);
        map.put("southwest", 225.0);
        map.put("west", 270.0);
        map.put("northwest", 315.0);
        return Map.copyOf(map);
    }
}
