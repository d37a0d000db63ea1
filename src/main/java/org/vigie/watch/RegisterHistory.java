package org.vigie.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.sql.Timestamps;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issue 17: the changes made to a city's registers, as anyone reads them, like a camera's history: who
 * made each (the moderator's user name), when (the day; the exact time for moderators only), what
 * (created, edited, answered, deleted) and, field by field, what it was and what it became.
 * city_register_change keeps each entry as it was before a change: what the change made of it is the
 * next change's "before", or the entry's row as it is for the latest one.
 */
@ApplicationScoped
public class RegisterHistory {

    private static final String CHANGES = "SELECT c.id, c.register, c.entry_id, c.action, a.username, c.changed_at "
            + "FROM city_register_change c LEFT JOIN account a ON a.id = c.moderator_id ";
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    /** One field a change set: its value before (null when it had none, or for a creation) and after. */
    public record FieldChange(String field, Object before, Object after) {
    }

    /**
     * One change of an entry ({@code register}: authorisations, budget or requests; {@code entryId}).
     * {@code fields}: what it changed, every field given for a creation, none for a deletion; {@code entry}:
     * the entry as the change left it (as it was, for a deletion), to name it. {@code date} is the day (UTC);
     * {@code at}, the exact time, is for moderators only (null for others), as in a camera's history.
     */
    public record ChangeView(long id, String register, long entryId, String action, String moderator, String date,
                             OffsetDateTime at, List<FieldChange> fields, Map<String, Object> entry) {
    }

    /** A page of a city's changes, newest first: {@code next} is the {@code before} of the next page, null on the last. */
    public record Page(List<ChangeView> changes, String next) {
    }

    private final EntityManager entities;
    private final ObjectMapper json;

    public RegisterHistory(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** The city's changes, newest first, {@code limit} at most, older than the change {@code before} (null: the latest). */
    @Transactional
    public Page ofCity(String city, int limit, Long before, boolean exactTime) {
        CityWatchService.requireCity(city);
        String after = before == null ? "" : "AND (c.changed_at, c.id) < (SELECT b.changed_at, b.id FROM city_register_change b WHERE b.id = :before) ";
        var query = entities.createNativeQuery(CHANGES + "WHERE c.city_code = :city " + after
                + "ORDER BY c.changed_at DESC, c.id DESC LIMIT :limit").setParameter("city", city).setParameter("limit", limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        List<Object[]> rows = rows(query.getResultList());
        // one more than asked: whether a next page exists, without counting them all
        String next = rows.size() > limit ? String.valueOf(((Number) rows.get(limit - 1)[0]).longValue()) : null;
        return new Page(views(rows.subList(0, Math.min(limit, rows.size())), exactTime), next);
    }

    /** Every change of one entry of the city's register, oldest first; a deleted entry's too. 404 for an unknown entry. */
    @Transactional
    public List<ChangeView> ofEntry(Register register, String city, long id, boolean exactTime) {
        CityWatchService.requireCity(city);
        RegisterEntry entry = entities.find(register.entity, id);
        if (entry == null || !entry.cityCode.equals(city)) {
            throw ProblemException.notFound("no entry " + id + " in this register of city " + city);
        }
        List<Object[]> rows = rows(entities.createNativeQuery(CHANGES + "WHERE c.register = :register AND c.entry_id = :id "
                + "ORDER BY c.changed_at, c.id").setParameter("register", register.table).setParameter("id", id).getResultList());
        return views(rows, exactTime);
    }

    private List<ChangeView> views(List<Object[]> rows, boolean exactTime) {
        Map<Long, Map<String, Object>[]> states = new HashMap<>();
        for (Register register : Register.values()) {
            Set<Long> ids = new TreeSet<>();
            rows.stream().filter(r -> register.table.equals(r[1])).forEach(r -> ids.add(((Number) r[2]).longValue()));
            if (!ids.isEmpty()) {
                states.putAll(states(register, ids));
            }
        }
        List<ChangeView> views = new ArrayList<>();
        for (Object[] r : rows) {
            long changeId = ((Number) r[0]).longValue();
            Register register = Register.ofTable((String) r[1]).orElseThrow();
            String action = (String) r[3];
            Map<String, Object>[] state = states.get(changeId);
            OffsetDateTime at = Timestamps.of(r[5]);
            boolean deleted = RegisterChange.DELETED.wire().equals(action);
            views.add(new ChangeView(changeId, register.path, ((Number) r[2]).longValue(), action, (String) r[4],
                    at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString(), exactTime ? at : null,
                    deleted ? List.of() : changed(register, state[0], state[1]), fields(register, deleted ? state[0] : state[1])));
        }
        return views;
    }

    /**
     * For each change of these entries: the entry before it and after it. The entry after a change is as the
     * next change found it, or as it is now after the latest.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, Map<String, Object>[]> states(Register register, Set<Long> ids) {
        Map<Long, Map<String, Object>> now = new HashMap<>();
        for (Object[] r : rows(entities.createNativeQuery("SELECT t.id, to_jsonb(t)::text FROM " + register.table
                + " t WHERE t.id IN (:ids)").setParameter("ids", ids).getResultList())) {
            now.put(((Number) r[0]).longValue(), parse((String) r[1]));
        }
        List<Object[]> changes = rows(entities.createNativeQuery("SELECT id, entry_id, before::text FROM city_register_change "
                + "WHERE register = :register AND entry_id IN (:ids) ORDER BY entry_id, changed_at, id")
                .setParameter("register", register.table).setParameter("ids", ids).getResultList());
        Map<Long, Map<String, Object>[]> states = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            long entry = ((Number) changes.get(i)[1]).longValue();
            boolean last = i + 1 == changes.size() || ((Number) changes.get(i + 1)[1]).longValue() != entry;
            Map<String, Object> after = last ? now.getOrDefault(entry, Map.of()) : parse((String) changes.get(i + 1)[2]);
            states.put(((Number) changes.get(i)[0]).longValue(), new Map[] {parse((String) changes.get(i)[2]), after});
        }
        return states;
    }

    /** The fields whose value differs, in the register's order. */
    private static List<FieldChange> changed(Register register, Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (String column : register.columns) {
            if (!Objects.equals(before.get(column), after.get(column))) {
                changes.add(new FieldChange(Register.field(column), value(column, before.get(column)), value(column, after.get(column))));
            }
        }
        return changes;
    }

    private static Map<String, Object> fields(Register register, Map<String, Object> row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        register.columns.forEach(column -> fields.put(Register.field(column), value(column, row.get(column))));
        return fields;
    }

    /** A stored value as the API gives it: amounts in euros, the rest as stored (dates as yyyy-mm-dd). */
    private static Object value(String column, Object stored) {
        if (column.equals("amount_cents") && stored instanceof Number cents) {
            return BigDecimal.valueOf(cents.longValue(), 2);
        }
        return stored;
    }

    private Map<String, Object> parse(String row) {
        try {
            return json.readValue(row, ROW);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a register row kept as JSON reads back", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
