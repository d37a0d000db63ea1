package org.vigie.watch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The registers' entries on the wire: what a moderator sends, and what anyone reads. */
public final class WatchEntries {

    /** A records request unanswered for a month is a tacit refusal (CRPA R311-13), which the CADA can then hear. */
    public static final int ANSWER_DAYS = 30;

    private WatchEntries() {
    }

    /** Dates as yyyy-mm-dd; {@code validUntil} defaults to five years after {@code decidedOn}. */
    public record AuthorisationInput(String reference, String decidedOn, String authority, Integer camerasAuthorised,
                                     String perimeter, String validUntil, String actUrl) {
    }

    /**
     * {@code camerasNamingIt}: the visible cameras that name this authorisation (issue 17); {@code version}:
     * what a correction or deletion sends back in If-Match (issue 17), as for every register entry.
     */
    public record AuthorisationView(long id, String reference, LocalDate decidedOn, String authority,
                                    Integer camerasAuthorised, String perimeter, LocalDate validUntil,
                                    String actUrl, boolean expired, long camerasNamingIt, int version) {
        static AuthorisationView of(Authorisation a, LocalDate today, long camerasNamingIt) {
            return new AuthorisationView(a.id, a.reference, a.decidedOn, a.authority, a.camerasAuthorised,
                    a.perimeter, a.validUntil, a.actUrl, a.expiredOn(today), camerasNamingIt, a.version);
        }
    }

    /** {@code amount} in euros (a number, cents at most). */
    public record BudgetInput(Integer year, BigDecimal amount, String purpose, String label, String sourceUrl) {
    }

    public record BudgetView(long id, int year, BigDecimal amount, String purpose, String label, String sourceUrl, int version) {
        static BudgetView of(BudgetLine b) {
            return new BudgetView(b.id, b.year, BigDecimal.valueOf(b.amountCents, 2), b.purpose, b.label, b.sourceUrl, b.version);
        }
    }

    public record RequestInput(String subject, String sentOn, String notes, String documentUrl) {
    }

    /** What came back: {@code outcome} answered, partial or refused, and when. */
    public record AnswerInput(String outcome, String answeredOn, String notes, String documentUrl) {
    }

    /**
     * {@code ageDays}: days from sending to the answer, or to today while pending; {@code overdue}: pending
     * beyond the month the administration has to answer.
     */
    public record RequestView(long id, String subject, LocalDate sentOn, String outcome, LocalDate answeredOn,
                              String notes, String documentUrl, long ageDays, boolean overdue, int version) {
        static RequestView of(RecordsRequest r, LocalDate today) {
            LocalDate end = r.answeredOn != null ? r.answeredOn : today;
            long age = Math.max(0, ChronoUnit.DAYS.between(r.sentOn, end));
            boolean pending = RequestOutcome.PENDING.wire().equals(r.outcome);
            return new RequestView(r.id, r.subject, r.sentOn, r.outcome, r.answeredOn, r.notes, r.documentUrl,
                    age, pending && age > ANSWER_DAYS, r.version);
        }
    }
}
