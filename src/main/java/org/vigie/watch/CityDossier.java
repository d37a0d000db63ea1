package org.vigie.watch;

import org.vigie.city.CityStats;
import org.vigie.watch.WatchEntries.AuthorisationView;
import org.vigie.watch.WatchEntries.BudgetView;
import org.vigie.watch.WatchEntries.RequestView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One city's dossier, for a council meeting or an article: what is mapped, the signs on public
 * space, the registers, and where every figure comes from. Counts cover visible cameras only.
 */
public record CityDossier(String code, String name, double areaKm2, LocalDate generatedOn,
                          Cameras cameras, Signs signs, Timeline timeline,
                          Authorisations authorisations, Budget budget, Requests requests,
                          List<Source> sources) {

    /** {@code verifiedShare}: verified cameras out of {@code total} (0 when there are none). */
    public record Cameras(long total, Map<String, Long> byOperatorType, Map<String, Long> byStatus,
                          Map<String, Long> byKind, double verifiedShare) {
    }

    /**
     * Signs on cameras filming public space (filmedArea public or outdoor) only: a sign is owed there.
     * {@code complianceShare} is present out of present + absent; {@code unknown} says how many no one checked.
     * Of the signs present, {@code namesOperator} and {@code givesContact} count what they say (issue 17):
     * yes, no, or unknown (not checked).
     */
    public record Signs(long publicSpace, long present, long absent, long unknown, Double complianceShare,
                        Map<String, Long> namesOperator, Map<String, Long> givesContact) {
    }

    /**
     * Cameras per year of their true date; {@code basis} names the date counted ({@code firstSeen}: when
     * each was first observed, as its source says), {@code undated} how many no source dates. Beside it,
     * {@code addedPerMonth}: when the cameras entered this instance (imports come in bulk).
     */
    public record Timeline(String basis, List<CityStats.YearCount> years, long undated,
                           List<CityStats.MonthCount> addedPerMonth) {
    }

    /**
     * {@code camerasMapped}: cameras of public operators mapped in the city, to compare with
     * {@code camerasAuthorised}, the sum over authorisations still in force.
     */
    public record Authorisations(List<AuthorisationView> entries, long inForce, long expired,
                                 long camerasAuthorised, long camerasMapped) {
    }

    /** {@code perCamera}: the year's total over the public operators' cameras mapped (null without any). */
    public record YearTotal(int year, BigDecimal total, BigDecimal perCamera) {
    }

    public record Budget(List<BudgetView> lines, List<YearTotal> perYear) {
    }

    public record Requests(List<RequestView> entries, long pending, long overdue) {
    }

    /** Where cameras come from, how many, and the credit and licence their data carries (null: none stated). */
    public record Source(String source, long cameras, String attribution, String licence) {
    }
}
