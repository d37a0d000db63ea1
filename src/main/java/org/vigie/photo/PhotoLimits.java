package org.vigie.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.Role;
import org.vigie.camera.CameraService;
import org.vigie.camera.WriteLimits;
import org.vigie.camera.WriteLimitsConfig;
import org.vigie.common.problem.HourlyQuota;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Per-account quota on photos (each costs a full decode and a few hundred kB stored), stricter
 * while the account is new; moderators have none. Counted from the photo table: once before decoding,
 * and again, under the account's quota lock, in the transaction that stores the photo.
 */
@ApplicationScoped
public class PhotoLimits {

    private final WriteLimits writes;
    private final WriteLimitsConfig config;

    PhotoLimits(WriteLimits writes, WriteLimitsConfig config) {
        this.writes = writes;
        this.config = config;
    }

    /** Throws 429 when the account already sent its quota of photos in the last hour. */
    @Transactional
    public void check(Account uploader) {
        if (uploader.role.includes(Role.MODERATOR)) {
            return;
        }
        HourlyQuota.lock(Photo.getEntityManager(), uploader.id);
        boolean young = writes.isYoung(uploader);
        int quota = young ? config.newAccountPhotosPerHour() : config.photosPerHour();
        OffsetDateTime now = CameraService.now();
        List<OffsetDateTime> recent = Photo.getEntityManager().createQuery(
                        "select p.createdAt from Photo p where p.uploadedBy = ?1 and p.createdAt > ?2"
                                + " order by p.createdAt desc", OffsetDateTime.class)
                .setParameter(1, uploader.username).setParameter(2, now.minus(HourlyQuota.WINDOW))
                .setMaxResults(quota).getResultList();
        if (recent.size() >= quota) {
            throw HourlyQuota.exceeded(now, recent.get(recent.size() - 1), quota, "Too many photos", "photos",
                    HourlyQuota.forNewAccount(young, config.newAccountAge()));
        }
    }
}
