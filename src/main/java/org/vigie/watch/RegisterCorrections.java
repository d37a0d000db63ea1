package org.vigie.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import org.vigie.camera.Camera;
import org.vigie.common.problem.ProblemException;
import org.vigie.watch.WatchEntries.AnswerInput;
import org.vigie.watch.WatchEntries.AuthorisationInput;
import org.vigie.watch.WatchEntries.AuthorisationView;
import org.vigie.watch.WatchEntries.BudgetInput;
import org.vigie.watch.WatchEntries.BudgetView;
import org.vigie.watch.WatchEntries.RequestInput;
import org.vigie.watch.WatchEntries.RequestView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;

/**
 * Issue 17: moderators correct and delete the entries of a city's registers. Each edit is checked as a
 * new entry is, against the version the moderator saw (409 when stale); each change keeps the entry as it
 * was in city_register_change; a deleted entry leaves the lists and the dossier (410 after) but its row stays.
 */
@ApplicationScoped
public class RegisterCorrections {

    @Transactional
    public AuthorisationView editAuthorisation(String city, long id, int version, AuthorisationInput in, long moderator) {
        Authorisation a = edit(Authorisation.class, city, id, version, in, moderator, (entry, check) -> CityWatchService.fill(entry, in, check));
        long naming = Camera.count("authorisationId = ?1 and visible = true", id);
        return AuthorisationView.of(a, CityWatchService.today(), naming);
    }

    @Transactional
    public BudgetView editBudgetLine(String city, long id, int version, BudgetInput in, long moderator) {
        return BudgetView.of(edit(BudgetLine.class, city, id, version, in, moderator, (entry, check) -> CityWatchService.fill(entry, in, check)));
    }

    @Transactional
    public RequestView editRequest(String city, long id, int version, RequestInput in, long moderator) {
        RecordsRequest r = edit(RecordsRequest.class, city, id, version, in, moderator, (entry, check) -> {
            CityWatchService.fill(entry, in, check);
            // a date in the future is already refused: one reason per field
            if (entry.answeredOn != null && entry.sentOn != null && entry.answeredOn.isBefore(entry.sentOn)
                    && !entry.sentOn.isAfter(CityWatchService.today())) {
                check.fail("sentOn", "is after the answer came back (" + entry.answeredOn + ")");
            }
        });
        return RequestView.of(r, CityWatchService.today());
    }

    /**
     * Deletes an entry of a register ("authorisations", "budget" or "requests"). An authorisation that
     * visible cameras name stays until they name another one (409 with their number), so that no camera
     * loses it silently. Hidden cameras (deleted, hidden by a moderator, merged) do not hold it back: nobody
     * can edit them, so counting them would keep a wrong entry forever, and writing a version of theirs would
     * hide a deletion still to be sent to OpenStreetMap. They keep naming it while hidden, and one shown again
     * comes back naming none (CameraWrites, WatchFacts.dropDeletedAuthorisation), in a version that says so.
     */
    @Transactional
    public void delete(Class<? extends RegisterEntry> register, String city, long id, int version, long moderator) {
        RegisterEntry entry = locked(register, city, id, version);
        if (entry instanceof Authorisation) {
            long naming = Camera.count("authorisationId = ?1 and visible = true", id);
            if (naming > 0) {
                throw new ProblemException(409, "authorisation-named-by-cameras", "Authorisation named by cameras", naming
                        + " camera(s) name authorisation " + id + ": have them name another one (or none) first").with("cameras", naming);
            }
        }
        keep(entry, RegisterChange.DELETED, moderator);
        entry.version++;
        entry.removedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.removedBy = moderator;
    }

    /**
     * Records what came back for a request of this city, at the version the moderator saw (as every
     * correction); a later answer replaces an earlier one, which stays among the changes.
     */
    @Transactional
    public RequestView answer(String city, long id, int version, AnswerInput in, long moderator) {
        RecordsRequest r = locked(RecordsRequest.class, city, id, version);
        if (in == null) {
            throw ProblemException.invalid("body", "send the answer as a JSON object");
        }
        InputCheck check = new InputCheck();
        RequestOutcome outcome = check.choice("outcome", RequestOutcome.class, in.outcome(), null);
        if (outcome == RequestOutcome.PENDING) {
            check.fail("outcome", "must be answered, partial or refused");
        }
        LocalDate answeredOn = check.date("answeredOn", in.answeredOn(), true);
        if (answeredOn != null && answeredOn.isBefore(r.sentOn)) {
            check.fail("answeredOn", "is before the request was sent (" + r.sentOn + ")");
        }
        String notes = check.text("notes", in.notes(), CityWatchService.MAX_LONG_TEXT, false);
        String url = check.url("documentUrl", in.documentUrl());
        check.done();
        keep(r, RegisterChange.ANSWERED, moderator);
        r.version++;
        r.outcome = outcome.wire();
        r.answeredOn = answeredOn;
        if (notes != null) {
            r.notes = notes;
        }
        if (url != null) {
            r.documentUrl = url;
        }
        r.flush();
        return RequestView.of(r, CityWatchService.today());
    }

    private <E extends RegisterEntry> E edit(Class<E> register, String city, long id, int version, Object in, long moderator,
                                             BiConsumer<E, InputCheck> fill) {
        E entry = locked(register, city, id, version);
        if (in == null) {
            throw ProblemException.invalid("body", "send the entry as a JSON object");
        }
        keep(entry, RegisterChange.EDITED, moderator); // before any field changes: the row as it was
        InputCheck check = new InputCheck();
        fill.accept(entry, check);
        check.done(); // a refusal rolls the whole transaction back, the kept row with it
        entry.version++;
        entry.flush();
        return entry;
    }

    /** The entry of this city's register, locked: 404 for an unknown city or entry, 410 once deleted, 409 when stale. */
    static <E extends RegisterEntry> E locked(Class<E> register, String city, long id, int version) {
        CityWatchService.requireCity(city);
        E entry = RegisterEntry.getEntityManager().find(register, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || !entry.cityCode.equals(city)) {
            throw ProblemException.notFound("no entry " + id + " in this register of city " + city);
        }
        notRemoved(entry);
        if (entry.version != version) {
            throw new ProblemException(409, "version-conflict", "Version conflict", "provided version " + version
                    + ", server has version " + entry.version + ": reload the dossier, apply your change again and resend it")
                    .with("providedVersion", version).with("currentVersion", entry.version);
        }
        return entry;
    }

    static void notRemoved(RegisterEntry entry) {
        if (entry.removedAt != null) {
            throw new ProblemException(410, "entry-removed", "Entry deleted", "entry " + entry.id
                    + " was deleted from the register; its trace stays for the moderators");
        }
    }

    /**
     * Keeps the entry as it is now (its whole row) with who changes it; call before changing it. A creation,
     * called once the entry is stored, keeps {} (nothing was there before).
     */
    static void keep(RegisterEntry entry, RegisterChange action, long moderator) {
        String table = entry.getClass().getAnnotation(Table.class).name();
        String before = action == RegisterChange.CREATED ? "jsonb_build_object()" : "to_jsonb(t)";
        RegisterEntry.getEntityManager().createNativeQuery("INSERT INTO city_register_change (city_code, register, entry_id, action, "
                        + "moderator_id, before) SELECT city_code, ?1, id, ?2, ?3, " + before + " FROM " + table + " t WHERE id = ?4")
                .setParameter(1, table).setParameter(2, action.wire()).setParameter(3, moderator).setParameter(4, entry.id)
                .executeUpdate();
    }
}
