package org.vigie.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.common.Sha256;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Registration costs the client some work, in the open ALTCHA protocol, with no third party and no
 * address: the server hands out {@code challenge = SHA-256(salt + n)} for a secret random n up to
 * {@code maxnumber}, signed with an HMAC so that it need not remember it; the client finds n by
 * trying, and sends back base64 of {@code {algorithm, challenge, number, salt, signature}}. The salt
 * carries its expiry ({@code ?expires=} in seconds, as ALTCHA does), which the signature covers
 * through the challenge. A solution opens one account: it is remembered as spent until it expires.
 */
@ApplicationScoped
public class RegistrationChallenges {

    public static final String ALGORITHM = "SHA-256";
    private static final String FIELD = "altcha";
    private static final int MAX_PAYLOAD = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountConfig config;
    private final ObjectMapper json;
    private final SecretKeySpec key;

    public RegistrationChallenges(AccountConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        byte[] secret = config.challengeKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] drawn = new byte[32];
            RANDOM.nextBytes(drawn);
            return drawn;
        });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A challenge as ALTCHA's widget and our web worker read it. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    public Challenge issue() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        long expires = Instant.now().plus(config.challengeLifetime()).getEpochSecond();
        String salt = HexFormat.of().formatHex(random) + "?expires=" + expires;
        long number = RANDOM.nextLong(config.challengeMaxNumber() + 1);
        String challenge = sha256Hex(salt + number);
        return new Challenge(ALGORITHM, challenge, config.challengeMaxNumber(), salt, sign(challenge));
    }

    /** Why the solution is refused (missing, malformed, wrong, expired), or empty when it holds. Spends nothing. */
    public Optional<FieldError> check(String altcha) {
        return parse(altcha).isPresent() ? Optional.empty() : Optional.of(refusal(altcha));
    }

    /**
     * Spends a valid solution, in the registration's transaction: should the registration fail (a
     * name taken), the solution can be sent again. 400 naming {@code altcha} when it is not valid or spent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spend(String altcha) {
        Solution solution = parse(altcha).orElseThrow(() -> ProblemException.invalid(java.util.List.of(refusal(altcha))));
        Account.getEntityManager().createNativeQuery("DELETE FROM registration_challenge_spent WHERE expires_at < now()")
                .executeUpdate();
        int inserted = Account.getEntityManager().createNativeQuery(
                        "INSERT INTO registration_challenge_spent (challenge, expires_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, solution.challenge()).setParameter(2, solution.expires()).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.invalid(FIELD, "this solution was used already: ask GET /api/auth/challenge for a new one");
        }
    }

    private record Solution(String challenge, OffsetDateTime expires) {
    }

    private Optional<Solution> parse(String altcha) {
        return decode(altcha).flatMap(this::verified);
    }

    private FieldError refusal(String altcha) {
        if (altcha == null || altcha.isBlank()) {
            return new FieldError(FIELD, "is required: solve GET /api/auth/challenge and send base64 of the ALTCHA payload");
        }
        Optional<JsonNode> payload = decode(altcha);
        if (payload.isEmpty()) {
            return new FieldError(FIELD, "must be base64 of the JSON ALTCHA payload {algorithm, challenge, number, salt, signature}");
        }
        if (signedAndSolved(payload.get()) && expiry(payload.get().path("salt").asText()).map(e -> !e.isAfter(now())).orElse(true)) {
            return new FieldError(FIELD, "the challenge expired: ask GET /api/auth/challenge for a new one");
        }
        return new FieldError(FIELD, "is not a solution of a challenge this server issued");
    }

    private Optional<JsonNode> decode(String altcha) {
        if (altcha == null || altcha.isBlank() || altcha.length() > MAX_PAYLOAD) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(Base64.getDecoder().decode(altcha.strip()));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Solution> verified(JsonNode payload) {
        if (!signedAndSolved(payload)) {
            return Optional.empty();
        }
        return expiry(payload.path("salt").asText()).filter(e -> e.isAfter(now()))
                .map(e -> new Solution(payload.path("challenge").asText(), e));
    }

    /** The algorithm is ours, the number solves the challenge, and we signed the challenge. */
    private boolean signedAndSolved(JsonNode payload) {
        JsonNode number = payload.path("number");
        String challenge = payload.path("challenge").asText("");
        String salt = payload.path("salt").asText("");
        if (!ALGORITHM.equals(payload.path("algorithm").asText()) || !number.canConvertToLong()
                || number.asLong() < 0 || number.asLong() > config.challengeMaxNumber() || !challenge.matches("[0-9a-f]{64}")) {
            return false;
        }
        boolean solved = MessageDigest.isEqual(sha256Hex(salt + number.asLong()).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
        boolean signed = MessageDigest.isEqual(sign(challenge).getBytes(StandardCharsets.US_ASCII),
                payload.path("signature").asText("").getBytes(StandardCharsets.US_ASCII));
        return solved && signed;
    }

    private static Optional<OffsetDateTime> expiry(String salt) {
        int at = salt.indexOf("?expires=");
        if (at < 0) {
            return Optional.empty();
        }
        String digits = salt.substring(at + "?expires=".length()).split("&", 2)[0];
        if (!digits.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(OffsetDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(digits)), ZoneOffset.UTC));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private String sign(String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
