package org.vigie.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A request for administrative documents (CRPA L311-1) a collective sent to its city, and what came back. */
@Entity
@Table(name = "city_records_request")
public class RecordsRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "city_code")
    public String cityCode;

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

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
