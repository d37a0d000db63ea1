package org.vigie.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One failed login: a digest of the name tried (lower case) and when. No address, nothing else. */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "username_key")
    public String usernameKey;

    @Column(name = "failed_at")
    public OffsetDateTime failedAt;
}
