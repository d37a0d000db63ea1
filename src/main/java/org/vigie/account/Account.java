package org.vigie.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/** A pseudonymous account. The e-mail address, when given, is never shown by the API. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    public String email;

    @Column(name = "role")
    @jakarta.persistence.Convert(converter = RoleConverter.class)
    public Role role = Role.VOLUNTEER;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Whether the holder agreed that their contributions be published in OpenStreetMap (ODbL); false unless chosen. */
    @Column(name = "osm_consent")
    public boolean osmConsent;

    @Column(name = "osm_consent_at")
    public OffsetDateTime osmConsentAt;

    /** Set while a moderator's suspension holds (until {@link #suspendedUntil}, or until lifted when null). */
    @Column(name = "suspended_at")
    public OffsetDateTime suspendedAt;

    @Column(name = "suspended_until")
    public OffsetDateTime suspendedUntil;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "suspended_by")
    public Long suspendedBy;

    /** When its holder deleted it (AccountDeletion); null for a live account. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /** Suspended at this moment: a suspension whose end has passed no longer holds. */
    public boolean suspendedAt(OffsetDateTime now) {
        return suspendedAt != null && (suspendedUntil == null || suspendedUntil.isAfter(now));
    }

    /** Names are unique regardless of case: "Alice" and "alice" are one account. */
    public static Optional<Account> byUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public static long countWithRole(Role role) {
        return count("role", role);
    }
}
