package org.vigie.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A request for administrative documents (CRPA L311-1) a collective sent to its city, and what came back. */
@Entity
@Table(name = "city_records_request")
public class RecordsRequest extends RegisterEntry {

    /** The wire value of a {@link RequestSubject}. */
    public String subject;

    @Column(name = "sent_on")
    public LocalDate sentOn;

    /** The wire value of a {@link RequestOutcome}. */
    public String outcome;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    public String notes;

    @Column(name = "document_url")
    public String documentUrl;
}
