package org.vigie.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.city.City;
import org.vigie.city.CityNotFound;
import org.vigie.common.problem.ProblemException;
import org.vigie.watch.WatchEntries.AuthorisationInput;
import org.vigie.watch.WatchEntries.AuthorisationView;
import org.vigie.watch.WatchEntries.BudgetInput;
import org.vigie.watch.WatchEntries.BudgetView;
import org.vigie.watch.WatchEntries.RequestInput;
import org.vigie.watch.WatchEntries.RequestView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's registers: prefectoral authorisations, budget lines and records requests. Anyone reads
 * them; moderators write (the resource checks the role). Entries are listed oldest first.
 */
@ApplicationScoped
public class CityWatchService {

    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 2000;
    /** Ten billion euros: far above any city's budget, far below what a bigint of cents holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");

    /** Today in UTC: an authorisation expires and a request ages by the calendar day. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Transactional
    public List<AuthorisationView> authorisations(String city) {
        requireCity(city);
        LocalDate today = today();
        Map<Long, Long> naming = new HashMap<>();
        Authorisation.getEntityManager().createQuery("select c.authorisationId, count(c) from Camera c "
                        + "where c.visible = true and c.authorisationId in (select a.id from Authorisation a where a.cityCode = :city and a.removedAt is null) "
                        + "group by c.authorisationId", Object[].class)
                .setParameter("city", city).getResultList()
                .forEach(row -> naming.put((Long) row[0], (Long) row[1]));
        return Authorisation.<Authorisation>list("cityCode = ?1 and removedAt is null order by decidedOn, id", city).stream()
                .map(a -> AuthorisationView.of(a, today, naming.getOrDefault(a.id, 0L))).toList();
    }

    /**
     * Issue 17: the authorisations a camera placed at this point may name, those of the city it falls in
     * (the camera's city is derived the same way, vigie_city_at); no city there, none.
     */
    @Transactional
    public AuthorisationChoice authorisationsAt(double lon, double lat) {
        List<?> found = Authorisation.getEntityManager().createNativeQuery("SELECT code, name FROM city "
                        + "WHERE code = vigie_city_at(ST_SetSRID(ST_MakePoint(?1, ?2), 4326))")
                .setParameter(1, lon).setParameter(2, lat).getResultList();
        if (found.isEmpty()) {
            return new AuthorisationChoice(null, List.of());
        }
        Object[] city = (Object[]) found.get(0);
        return new AuthorisationChoice(new CityName((String) city[0], (String) city[1]), authorisations((String) city[0]));
    }

    /** The city a point falls in (null for none) and its authorisations in force or not, oldest first. */
    public record AuthorisationChoice(CityName city, List<AuthorisationView> authorisations) {
    }

    public record CityName(String code, String name) {
    }

    @Transactional
    public AuthorisationView addAuthorisation(String city, AuthorisationInput in, long accountId) {
        requireCity(city);
        InputCheck check = new InputCheck();
        if (in == null) {
            throw ProblemException.invalid("body", "send the authorisation as a JSON object");
        }
        Authorisation a = new Authorisation();
        a.cityCode = city;
        fill(a, in, check);
        check.done();
        a.recordedBy = accountId;
        a.persistAndFlush();
        RegisterCorrections.keep(a, RegisterChange.CREATED, accountId);
        return AuthorisationView.of(a, today(), 0);
    }

    /** Sets the authorisation's fields from what a moderator sent, on creation as on correction. */
    static void fill(Authorisation a, AuthorisationInput in, InputCheck check) {
        a.reference = check.text("reference", in.reference(), MAX_TEXT, true);
        a.decidedOn = check.date("decidedOn", in.decidedOn(), true);
        a.authority = check.text("authority", in.authority(), MAX_TEXT, true);
        a.camerasAuthorised = check.whole("camerasAuthorised", in.camerasAuthorised(), 0, 1_000_000, false);
        a.perimeter = check.text("perimeter", in.perimeter(), MAX_LONG_TEXT, false);
        LocalDate until = check.date("validUntil", in.validUntil(), false);
        a.actUrl = check.url("actUrl", in.actUrl());
        if (a.decidedOn != null) {
            a.validUntil = until != null ? until : a.decidedOn.plusYears(Authorisation.DEFAULT_YEARS);
            if (a.validUntil.isBefore(a.decidedOn)) {
                check.fail("validUntil", "is before decidedOn");
            }
        }
    }

    @Transactional
    public List<BudgetView> budget(String city) {
        requireCity(city);
        return BudgetLine.<BudgetLine>list("cityCode = ?1 and removedAt is null order by year, id", city).stream().map(BudgetView::of).toList();
    }

    @Transactional
    public BudgetView addBudgetLine(String city, BudgetInput in, long accountId) {
        requireCity(city);
        if (in == null) {
            throw ProblemException.invalid("body", "send the budget line as a JSON object");
        }
        InputCheck check = new InputCheck();
        BudgetLine b = new BudgetLine();
        b.cityCode = city;
        fill(b, in, check);
        check.done();
        b.recordedBy = accountId;
        b.persistAndFlush();
        RegisterCorrections.keep(b, RegisterChange.CREATED, accountId);
        return BudgetView.of(b);
    }

    static void fill(BudgetLine b, BudgetInput in, InputCheck check) {
        Integer year = check.whole("year", in.year(), 1990, 2100, true);
        b.year = year == null ? 0 : year;
        if (in.amount() == null) {
            check.fail("amount", "is required (euros)");
        } else if (in.amount().signum() < 0 || in.amount().compareTo(MAX_AMOUNT) > 0) {
            check.fail("amount", "must be from 0 to " + MAX_AMOUNT.toPlainString() + " euros");
        } else if (in.amount().stripTrailingZeros().scale() > 2) {
            check.fail("amount", "has more than two decimals (cents)");
        } else {
            b.amountCents = in.amount().movePointRight(2).longValueExact();
        }
        BudgetPurpose purpose = check.choice("purpose", BudgetPurpose.class, in.purpose(), null);
        b.purpose = purpose == null ? null : purpose.wire();
        b.label = check.text("label", in.label(), 500, false);
        b.sourceUrl = check.url("sourceUrl", in.sourceUrl());
    }

    @Transactional
    public List<RequestView> requests(String city) {
        requireCity(city);
        LocalDate today = today();
        return RecordsRequest.<RecordsRequest>list("cityCode = ?1 and removedAt is null order by sentOn, id", city).stream()
                .map(r -> RequestView.of(r, today)).toList();
    }

    @Transactional
    public RequestView addRequest(String city, RequestInput in, long accountId) {
        requireCity(city);
        if (in == null) {
            throw ProblemException.invalid("body", "send the request as a JSON object");
        }
        InputCheck check = new InputCheck();
        RecordsRequest r = new RecordsRequest();
        r.cityCode = city;
        fill(r, in, check);
        r.outcome = RequestOutcome.PENDING.wire();
        check.done();
        r.recordedBy = accountId;
        r.persistAndFlush();
        RegisterCorrections.keep(r, RegisterChange.CREATED, accountId);
        return RequestView.of(r, today());
    }

    /** The request's own fields; what came back is recorded by {@link RegisterCorrections#answer}. */
    static void fill(RecordsRequest r, RequestInput in, InputCheck check) {
        RequestSubject subject = check.choice("subject", RequestSubject.class, in.subject(), null);
        r.subject = subject == null ? null : subject.wire();
        r.sentOn = check.date("sentOn", in.sentOn(), true);
        if (r.sentOn != null && r.sentOn.isAfter(today())) {
            check.fail("sentOn", "is in the future");
        }
        r.notes = check.text("notes", in.notes(), MAX_LONG_TEXT, false);
        r.documentUrl = check.url("documentUrl", in.documentUrl());
    }

    static void requireCity(String code) {
        if (City.count("code", code) == 0) {
            throw new CityNotFound(code);
        }
    }
}
