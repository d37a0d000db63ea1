package org.vigie.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.camera.Camera;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.export.OsmAttribution;
import org.vigie.city.CityStats;
import org.vigie.city.CityStatsService;
import org.vigie.watch.CityDossier.YearTotal;
import org.vigie.watch.WatchEntries.AuthorisationView;
import org.vigie.watch.WatchEntries.BudgetView;
import org.vigie.watch.WatchEntries.RequestView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts a city's dossier together from its statistics, its registers and two counts of its own. */
@ApplicationScoped
public class DossierService {

    /** Signs by value on cameras filming public space, and cameras by source: the two figures the statistics lack. */
    static final String SIGNS_SQL = "SELECT signage, count(*) FROM camera WHERE city_code = ?1 AND visible "
            + "AND filmed_area IN ('public', 'outdoor') GROUP BY signage";
    /** Issue 17: what the signs there say, on cameras filming public space whose sign is present. */
    static final String SIGN_WORDS_SQL = "SELECT sign_names_operator, sign_gives_contact, count(*) FROM camera "
            + "WHERE city_code = ?1 AND visible AND filmed_area IN ('public', 'outdoor') AND signage = 'present' "
            + "GROUP BY sign_names_operator, sign_gives_contact";
    static final String SOURCES_SQL = "SELECT source, count(*) FROM camera WHERE city_code = ?1 AND visible "
            + "GROUP BY source ORDER BY count(*) DESC, source";

    private final CityStatsService stats;
    private final CityWatchService watch;
    private final EntityManager entities;

    public DossierService(CityStatsService stats, CityWatchService watch, EntityManager entities) {
        this.stats = stats;
        this.watch = watch;
        this.entities = entities;
    }

    @Transactional
    public CityDossier of(String code) {
        CityStats s = stats.of(code); // 404 for an unknown city
        long verified = s.byStatus().getOrDefault("verified", 0L);
        CityDossier.Cameras cameras = new CityDossier.Cameras(s.total(), s.byOperatorType(), s.byStatus(), s.byKind(),
                s.total() == 0 ? 0 : (double) verified / s.total());
        long publicCameras = s.byOperatorType().getOrDefault(OperatorType.PUBLIC.wire(), 0L);
        List<AuthorisationView> authorisations = watch.authorisations(code);
        List<BudgetView> lines = watch.budget(code);
        List<RequestView> requests = watch.requests(code);
        return new CityDossier(code, s.name(), s.areaKm2(), CityWatchService.today(), cameras, signs(code),
                new CityDossier.Timeline("firstSeen", s.firstSeenPerYear(), s.firstSeenUnknown(), s.additionsPerMonth()),
                new CityDossier.Authorisations(authorisations,
                        authorisations.stream().filter(a -> !a.expired()).count(),
                        authorisations.stream().filter(AuthorisationView::expired).count(),
                        authorisations.stream().filter(a -> !a.expired() && a.camerasAuthorised() != null)
                                .mapToLong(AuthorisationView::camerasAuthorised).sum(),
                        publicCameras),
                new CityDossier.Budget(lines, perYear(lines, publicCameras)),
                new CityDossier.Requests(requests,
                        requests.stream().filter(r -> RequestOutcome.PENDING.wire().equals(r.outcome())).count(),
                        requests.stream().filter(RequestView::overdue).count()),
                sources(code));
    }

    private CityDossier.Signs signs(String code) {
        Map<String, Long> bySignage = new TreeMap<>();
        for (Object[] row : rows(SIGNS_SQL, code)) {
            bySignage.put((String) row[0], ((Number) row[1]).longValue());
        }
        long present = bySignage.getOrDefault("present", 0L);
        long absent = bySignage.getOrDefault("absent", 0L);
        long unknown = bySignage.getOrDefault("unknown", 0L);
        Map<String, Long> namesOperator = CityStatsService.every(YesNoUnknown.class, null);
        Map<String, Long> givesContact = CityStatsService.every(YesNoUnknown.class, null);
        for (Object[] row : rows(SIGN_WORDS_SQL, code)) {
            long n = ((Number) row[2]).longValue();
            namesOperator.merge((String) row[0], n, Long::sum);
            givesContact.merge((String) row[1], n, Long::sum);
        }
        return new CityDossier.Signs(present + absent + unknown, present, absent, unknown,
                present + absent == 0 ? null : (double) present / (present + absent), namesOperator, givesContact);
    }

    static List<YearTotal> perYear(List<BudgetView> lines, long cameras) {
        TreeMap<Integer, BigDecimal> totals = new TreeMap<>();
        lines.forEach(l -> totals.merge(l.year(), l.amount(), BigDecimal::add));
        List<YearTotal> years = new ArrayList<>();
        totals.forEach((year, total) -> years.add(new YearTotal(year, total,
                cameras == 0 ? null : total.divide(BigDecimal.valueOf(cameras), 2, RoundingMode.HALF_UP))));
        return years;
    }

    private List<CityDossier.Source> sources(String code) {
        List<CityDossier.Source> sources = new ArrayList<>();
        for (Object[] row : rows(SOURCES_SQL, code)) {
            String source = (String) row[0];
            sources.add(new CityDossier.Source(source, ((Number) row[1]).longValue(), attribution(source),
                    OsmAttribution.SOURCE.equals(source) ? "ODbL-1.0" : null));
        }
        return sources;
    }

    /** The credit each source's data carries; the licence of data other than OpenStreetMap's is not stated by Vigie. */
    static String attribution(String source) {
        return switch (source) {
            case OsmAttribution.SOURCE -> OsmAttribution.TEXT;
            case Camera.SOURCE_VOLUNTEER -> "the contributors of this Vigie instance";
            case Camera.SOURCE_SOUS_SURVEILLANCE -> "sous-surveillance.net (2012 export)";
            default -> source;
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String code) {
        return entities.createNativeQuery(sql).setParameter(1, code).getResultList();
    }
}
