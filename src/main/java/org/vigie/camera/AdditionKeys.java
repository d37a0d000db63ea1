package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * The Idempotency-Key of camera additions (IETF draft-ietf-httpapi-idempotency-key-header): an
 * addition sent again with the same key by the same account answers the camera the first one
 * stored, instead of storing a second camera. Runs inside the addition's transaction.
 */
@ApplicationScoped
public class AdditionKeys {

    /** A key the client chose, with the digest of the request it came with. */
    public record Key(String value, String requestHash) {

        public Key {
            if (value.isEmpty() || value.length() > 100 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw ProblemException.invalid("Idempotency-Key", "must be 1 to 100 visible ASCII characters (a UUID, say)");
            }
        }
    }

    /**
     * Claims the key for a new addition, or gives the camera an earlier addition stored under it.
     * A concurrent addition with the same key waits here until the first one's transaction ends:
     * then it gets that camera, or claims the key if the first one failed.
     */
    Optional<Long> claim(long accountId, Key key) {
        EntityManager em = Camera.getEntityManager();
        List<?> claimed = em.createNativeQuery("INSERT INTO camera_addition_key (account_id, key, request_hash, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id, key) DO NOTHING RETURNING account_id")
                .setParameter(1, accountId).setParameter(2, key.value()).setParameter(3, key.requestHash())
                .setParameter(4, CameraService.now()).getResultList();
        if (!claimed.isEmpty()) {
            return Optional.empty();
        }
        Object[] stored = (Object[]) em.createNativeQuery("SELECT camera_id, request_hash FROM camera_addition_key"
                        + " WHERE account_id = ?1 AND key = ?2")
                .setParameter(1, accountId).setParameter(2, key.value()).getSingleResult();
        if (!key.requestHash().equals(stored[1])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was already used for another camera: send a new key with a new addition",
                    List.of(new FieldError("Idempotency-Key", "already used for another request")));
        }
        return Optional.of(((Number) stored[0]).longValue());
    }

    /** Binds the claimed key to the camera just stored, in the same transaction. */
    void bind(long accountId, Key key, long cameraId) {
        Camera.getEntityManager().createNativeQuery("UPDATE camera_addition_key SET camera_id = ?3 WHERE account_id = ?1 AND key = ?2")
                .setParameter(1, accountId).setParameter(2, key.value()).setParameter(3, cameraId).executeUpdate();
    }
}
