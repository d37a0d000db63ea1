package org.vigie.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.common.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * bcrypt, fed with the SHA-256 of the password: bcrypt reads only 72 bytes, and a long passphrase
 * (up to {@link AccountRules#MAX_PASSWORD} characters, accents counting twice in UTF-8) must keep
 * all of its strength. The stored form is standard modular crypt ({@code $2a$12$...}).
 */
@ApplicationScoped
public class Passwords {

    private final int cost;
    /** Checked against when the user name is unknown, so that both answers take as long. */
    private final String decoy;

    public Passwords(AccountConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(prehash("decoy password, never matches"), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    public boolean matches(String password, String storedHash) {
        return BcryptUtil.matches(prehash(password), storedHash);
    }

    /** Spends the time a real check would, for an unknown user name. */
    public void waste(String password) {
        BcryptUtil.matches(prehash(password), decoy);
    }

    private static String prehash(String password) {
        return Base64.getEncoder().encodeToString(sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
