package org.vigie.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A city's statistics, from one SQL statement (sql/city-stats.sql) over its visible cameras, rolled up here. */
@ApplicationScoped
public class CityStatsService {

    static final String SQL = load("/sql/city-stats.sql");
    static final int TOP_OPERATORS = 20;
    /** Where sql/city-stats.sql selects the city's cameras: filters are added after it. */
    static final String CITY_CONDITION = "WHERE city_code = ? AND visible";

    private final EntityManager entityManager;

    public CityStatsService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The statistics of every visible camera of the city. */
    @Transactional
    public CityStats of(String code) {
        return of(code, null);
    }

    /**
     * The statistics of the city's visible cameras that {@code filters} keeps (its area and filters;
     * its city is this one), or of all of them when null.
     */
    @Transactional
    public CityStats of(String code, CameraQuery filters) {
        // The name and area only: a boundary can weigh megabytes.
        List<Object[]> found = entityManager.createQuery(
                        "select c.name, c.areaKm2 from City c where c.code = :code", Object[].class)
                .setParameter("code", code).getResultList();
        if (found.isEmpty()) {
            throw new CityNotFound(code);
        }
        String name = (String) found.get(0)[0];
        double areaKm2 = (Double) found.get(0)[1];
        Map<String, Map<String, Long>> counts = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            CityStatsRollup rollup = new CityStatsRollup();
            try (Statement utc = connection.createStatement()) {
                utc.execute("SET LOCAL TimeZone = 'UTC'");
            }
            CameraSqlFilter filter = filters == null ? null : CameraSqlFilter.of(filters, connection);
            try (PreparedStatement statement = connection.prepareStatement(filtered(filter))) {
                statement.setString(1, code);
                if (filter != null) {
                    CameraSqlFilter.bind(statement, filter.params(), 2);
                }
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        long n = r.getLong("n");
                        switch (r.getString("grouping_set")) {
                            case "attributes" -> rollup.attributes(List.of(r.getString("kind"), r.getString("camera_type"),
                                    r.getString("operator_type"), r.getString("filmed_area"), r.getString("zone"),
                                    r.getString("films_workstations"), r.getString("signage"), r.getString("status")), n);
                            case "operator" -> rollup.operator(r.getString("operator"), n);
                            case "day" -> rollup.day(r.getString("day"), n);
                            case "first_seen" -> rollup.firstSeen(r.getString("first_seen"), n);
                            case "capabilities" -> rollup.capabilities(List.of((String[]) r.getArray("capabilities").getArray()), n);
                            default -> rollup.total(n);
                        }
                    }
                }
            }
            return rollup.counts();
        });
        List<CityStats.SiteCount> sites = entityManager.unwrap(Session.class).doReturningWork(connection ->
                SiteCounts.of(connection, code, filters == null ? null : CameraSqlFilter.of(filters, connection)));
        return assemble(code, name, areaKm2, counts, sites);
    }

    /** The statement with the filter's conditions added to the city's (issue 16); its parameters follow the code. */
    static String filtered(CameraSqlFilter filter) {
        if (filter == null) {
            return SQL;
        }
        if (!SQL.contains(CITY_CONDITION)) {
            throw new IllegalStateException("sql/city-stats.sql no longer says " + CITY_CONDITION);
        }
        return SQL.replace(CITY_CONDITION, CITY_CONDITION + " AND " + filter.where());
    }

    static CityStats assemble(String code, String name, double areaKm2, Map<String, Map<String, Long>> counts) {
        return assemble(code, name, areaKm2, counts, List.of());
    }

    static CityStats assemble(String code, String name, double areaKm2, Map<String, Map<String, Long>> counts,
                              List<CityStats.SiteCount> sites) {
        long total = counts.getOrDefault("total", Map.of()).getOrDefault("", 0L);
        Map<String, Long> bySignage = every(Signage.class, counts.get("signage"));
        Map<String, Double> signageShare = new LinkedHashMap<>();
        bySignage.forEach((value, n) -> signageShare.put(value, total == 0 ? 0 : (double) n / total));
        return new CityStats(code, name, total,
                every(Kind.class, counts.get("kind")),
                every(CameraType.class, counts.get("cameraType")),
                every(OperatorType.class, counts.get("operatorType")),
                top(counts.get("operator"), TOP_OPERATORS),
                every(FilmedArea.class, counts.get("filmedArea")),
                every(Zone.class, counts.get("zone")),
                every(Capability.class, counts.get("capability")),
                every(YesNoUnknown.class, counts.get("filmsWorkstations")),
                bySignage,
                every(CameraStatus.class, counts.get("status")),
                areaKm2, areaKm2 > 0 ? total / areaKm2 : 0, signageShare,
                months(counts.get("month")), sites,
                years(counts.get("firstSeenYear")), counts.getOrDefault("firstSeenUnknown", Map.of()).getOrDefault("", 0L));
    }

    /** Every value of the enumeration in its declared order, zeros included; values the enumeration lacks follow. */
    public static <E extends Enum<E> & WireEnum> Map<String, Long> every(Class<E> type, Map<String, Long> counted) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            all.put(value.wire(), 0L);
        }
        if (counted != null) {
            all.putAll(counted);
        }
        return all;
    }

    /** The {@code limit} largest counts, largest first. */
    static Map<String, Long> top(Map<String, Long> counted, int limit) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        if (counted != null) {
            counted.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        }
        return sorted;
    }

    /** Every month from the first addition to the last, months without any included, so charts need no gap logic. */
    static List<CityStats.MonthCount> months(Map<String, Long> counted) {
        List<CityStats.MonthCount> months = new ArrayList<>();
        if (counted == null || counted.isEmpty()) {
            return months;
        }
        TreeMap<YearMonth, Long> sorted = new TreeMap<>();
        counted.forEach((month, n) -> sorted.put(YearMonth.parse(month), n));
        for (YearMonth m = sorted.firstKey(); !m.isAfter(sorted.lastKey()); m = m.plusMonths(1)) {
            months.add(new CityStats.MonthCount(m.toString(), sorted.getOrDefault(m, 0L)));
        }
        return months;
    }

    /** Issue 17: every year from the first camera seen to the last, years without any included. */
    static List<CityStats.YearCount> years(Map<String, Long> counted) {
        List<CityStats.YearCount> years = new ArrayList<>();
        if (counted == null || counted.isEmpty()) {
            return years;
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>();
        counted.forEach((year, n) -> sorted.put(Integer.valueOf(year), n));
        for (int y = sorted.firstKey(); y <= sorted.lastKey(); y++) {
            years.add(new CityStats.YearCount(y, sorted.getOrDefault(y, 0L)));
        }
        return years;
    }

    private static String load(String resource) {
        try (InputStream in = CityStatsService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
