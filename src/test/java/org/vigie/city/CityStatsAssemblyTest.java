package org.vigie.city;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the rows of sql/city-stats.sql become a {@link CityStats}. */
class CityStatsAssemblyTest {

    @Test
    void enumerationsListEveryValueAndSharesAreFractionsOfTheTotal() {
        Map<String, Map<String, Long>> rows = Map.of(
                "total", Map.of("", 4L),
                "kind", Map.of("camera", 3L, "alpr", 1L),
                "signage", Map.of("present", 1L, "unknown", 3L),
                "operator", Map.of("SYTRAL", 1L, "Ville de Lyon", 3L));
        CityStats stats = CityStatsService.assemble("69123", "Lyon", 2.0, rows);
        assertEquals(4, stats.total());
        assertEquals(List.of("camera", "alpr", "webcam", "guard", "other"), List.copyOf(stats.byKind().keySet()));
        assertEquals(0L, stats.byKind().get("webcam"));
        assertEquals(0L, stats.byStatus().get("reported"), "no row, still listed");
        assertEquals(Map.of("present", 0.25, "absent", 0.0, "unknown", 0.75), stats.signageShare());
        assertEquals(2.0, stats.perKm2());
        assertEquals(List.of("Ville de Lyon", "SYTRAL"), List.copyOf(stats.byOperator().keySet()));
    }

    @Test
    void anEmptyCityHasZerosNotDivisionsByZero() {
        CityStats stats = CityStatsService.assemble("00000", "Vide", 0.0, Map.of());
        assertEquals(0, stats.total());
        assertEquals(0.0, stats.perKm2());
        assertEquals(0.0, stats.signageShare().get("present"));
        assertEquals(List.of(), stats.additionsPerMonth());
    }

    @Test
    void monthsWithoutAdditionsAreFilledIn() {
        Map<String, Long> months = new LinkedHashMap<>();
        months.put("2024-11", 2L);
        months.put("2025-02", 1L);
        assertEquals(List.of(new CityStats.MonthCount("2024-11", 2), new CityStats.MonthCount("2024-12", 0),
                        new CityStats.MonthCount("2025-01", 0), new CityStats.MonthCount("2025-02", 1)),
                CityStatsService.months(months));
    }

    @Test
    void theRowsOfTheStatementRollUpPerDimension() {
        CityStatsRollup rollup = new CityStatsRollup();
        rollup.total(5);
        rollup.attributes(List.of("camera", "dome", "public", "public", "town", "unknown", "absent", "reported"), 3);
        rollup.attributes(List.of("alpr", "fixed", "public", "public", "traffic", "unknown", "present", "verified"), 2);
        rollup.capabilities(List.of("zoom", "infrared"), 2);
        rollup.capabilities(List.of("zoom"), 1);
        rollup.capabilities(List.of(), 2);
        rollup.day("2024-05-01", 1);
        rollup.day("2024-05-31", 2);
        rollup.day("2024-07-02", 2);
        rollup.operator("Ville de Lyon", 2);
        rollup.operator("ville de lyon", 1);
        rollup.operator("SYTRAL", 1);
        rollup.operator(null, 1);
        Map<String, Map<String, Long>> counts = rollup.counts();
        assertEquals(Map.of("camera", 3L, "alpr", 2L), counts.get("kind"));
        assertEquals(Map.of("public", 5L), counts.get("operatorType"));
        assertEquals(Map.of("reported", 3L, "verified", 2L), counts.get("status"));
        assertEquals(Map.of("zoom", 3L, "infrared", 2L), counts.get("capability"));
        assertEquals(Map.of("2024-05", 3L, "2024-07", 2L), counts.get("month"));
        assertEquals(Map.of("Ville de Lyon", 3L, "SYTRAL", 1L), counts.get("operator"));

        CityStats stats = CityStatsService.assemble("69123", "Lyon", 1.0, counts);
        assertEquals(5, stats.total());
        assertEquals(3, stats.additionsPerMonth().size(), "May, June (none), July");
    }

    @Test
    void onlyTheTwentyLargestOperatorsAreKept() {
        Map<String, Long> operators = new java.util.HashMap<>();
        for (long i = 1; i <= 25; i++) {
            operators.put("Opérateur " + i, i);
        }
        Map<String, Long> top = CityStatsService.top(operators, 20);
        assertEquals(20, top.size());
        assertEquals("Opérateur 25", top.keySet().iterator().next());
        assertEquals(6L, top.values().stream().mapToLong(Long::longValue).min().orElseThrow());
    }
}
