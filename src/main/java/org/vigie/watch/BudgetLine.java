package org.vigie.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of a city's spending on video surveillance, in euro cents, with the document it comes from. */
@Entity
@Table(name = "city_budget_line")
public class BudgetLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "city_code")
    public String cityCode;

    public int year;

    @Column(name = "amount_cents")
    public long amountCents;

    /** The wire value of a {@link BudgetPurpose}. */
    public String purpose;

    public String label;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
