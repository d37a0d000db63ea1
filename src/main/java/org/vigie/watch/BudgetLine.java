package org.vigie.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of a city's spending on video surveillance, in euro cents, with the document it comes from. */
@Entity
@Table(name = "city_budget_line")
public class BudgetLine extends RegisterEntry {

    public int year;

    @Column(name = "amount_cents")
    public long amountCents;

    /** The wire value of a {@link BudgetPurpose}. */
    public String purpose;

    public String label;

    @Column(name = "source_url")
    public String sourceUrl;
}
