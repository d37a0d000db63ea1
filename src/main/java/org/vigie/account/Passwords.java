package org.vigie.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.common.Sha256;
import org.vigie.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

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
    /**
     * bcrypt is slow on purpose: a flood of logins must not take every core from the map's readers.
     * Past this many at once the request is refused at once (503), rather than queued on a worker.
     */
    private final Semaphore hashing;

    public Passwords(AccountConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(prehash("decoy password, never matches"), cost);
        this.hashing = new Semaphore(Math.max(1, config.concurrentHashes().orElse(Runtime.getRuntime().availableProcessors())));
    }

    public String hash(String password) {
        return limited(() -> BcryptUtil.bcryptHash(prehash(password), cost));
    }

    public boolean matches(String password, String storedHash) {
        return limited(() -> BcryptUtil.matches(prehash(password), storedHash));
    }

    /** Spends the time a real check would, for an unknown user name. */
    public void waste(String password) {
        limited(() -> BcryptUtil.matches(prehash(password), decoy));
    }

    private <T> T limited(Supplier<T> work) {
        if (!hashing.tryAcquire()) {
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    /** 503 with Retry-After: too many password checks at once; nothing was checked or recorded. */
    public static final class Busy extends ProblemException {
        public Busy() {
            super(503, "password-checks-busy", "Too many logins at once",
                    "the server is checking too many passwords at once: try again in a second");
            with("retryAfter", 1);
            header("Retry-After", "1");
        }
    }

    private static String prehash(String password) {
        return Base64.getEncoder().encodeToString(sha256(password.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
