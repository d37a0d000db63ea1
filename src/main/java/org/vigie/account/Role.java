package org.vigie.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an account may do. Each role includes the ones before it: an admin is also a moderator
 * and a volunteer, so {@code @RolesAllowed("volunteer")} admits all three.
 */
public enum Role {
    VOLUNTEER, MODERATOR, ADMIN;

    public static final String VOLUNTEER_NAME = "volunteer";
    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    /** The name on the wire, in the database and in {@code @RolesAllowed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes, as security role names. */
    public Set<String> granted() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::wire).collect(Collectors.toSet());
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Optional<Role> ofWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }

    public static String options() {
        return Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));
    }
}
