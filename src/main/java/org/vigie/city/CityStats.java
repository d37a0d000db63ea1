package org.vigie.city;

import java.util.List;
import java.util.Map;

/**
 * What a journalist asks about a city's cameras (visible ones only: deleted entries are not
 * cameras). Each {@code byX} maps a value to its count; enumerations list every value, zeros
 * included. {@code byCapability} counts cameras per capability (a camera may have several);
 * {@code byOperator} is the top 20 operators, case-insensitively, cameras without one left out.
 * {@code signageShare} gives fractions (0..1) of {@code total}.
 */
public record CityStats(String code, String name, long total,
                        Map<String, Long> byKind, Map<String, Long> byCameraType,
                        Map<String, Long> byOperatorType, Map<String, Long> byOperator,
                        Map<String, Long> byFilmedArea, Map<String, Long> byZone,
                        Map<String, Long> byCapability, Map<String, Long> byFilmsWorkstations,
                        Map<String, Long> bySignage, Map<String, Long> byStatus,
                        double areaKm2, double perKm2, Map<String, Double> signageShare,
                        List<MonthCount> additionsPerMonth,
                        // issue 16: the cameras per site, most first; cameras of no site are not counted
                        List<SiteCount> bySite,
                        // issue 17: cameras by the year they were first seen (their true date), and those no source dates
                        List<YearCount> firstSeenPerYear, long firstSeenUnknown) {

    /** Cameras first seen in one year (issue 17). */
    public record YearCount(int year, long count) {
    }

    /** The cameras of one site (issue 16). */
    public record SiteCount(long id, String name, long count) {
    }


    /** Cameras added to this instance in one month ("2024-05", UTC). */
    public record MonthCount(String month, long count) {
    }
}
