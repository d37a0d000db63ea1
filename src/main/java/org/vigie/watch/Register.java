package org.vigie.watch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A city's three registers: the name in their paths and in the changes (authorisations, budget, requests),
 * their table (city_register_change.register names it) and entity, and the columns a reader sees change,
 * in the order the forms ask them; bookkeeping (id, city, version, who recorded or removed it) is left out.
 */
public enum Register {
    AUTHORISATIONS("authorisations", "city_authorisation", Authorisation.class,
            List.of("reference", "decided_on", "authority", "cameras_authorised", "perimeter", "valid_until", "act_url")),
    BUDGET("budget", "city_budget_line", BudgetLine.class,
            List.of("year", "amount_cents", "purpose", "label", "source_url")),
    REQUESTS("requests", "city_records_request", RecordsRequest.class,
            List.of("subject", "sent_on", "outcome", "answered_on", "notes", "document_url"));

    /** The paths' alternatives, for a route that takes any register: {@code {register: authorisations|budget|requests}}. */
    public static final String PATHS = "authorisations|budget|requests";

    public final String path;
    public final String table;
    public final Class<? extends RegisterEntry> entity;
    public final List<String> columns;

    Register(String path, String table, Class<? extends RegisterEntry> entity, List<String> columns) {
        this.path = path;
        this.table = table;
        this.entity = entity;
        this.columns = columns;
    }

    public static Register ofPath(String path) {
        return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no register " + path)); // the route's pattern lets none other through
    }

    static Optional<Register> ofTable(String table) {
        return Arrays.stream(values()).filter(r -> r.table.equals(table)).findFirst();
    }

    /** A column as the API names the field: decided_on is decidedOn; amount_cents is amount, in euros. */
    static String field(String column) {
        if (column.equals("amount_cents")) {
            return "amount";
        }
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
