package org.vigie.site.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.Role;
import org.vigie.camera.CameraService;
import org.vigie.common.problem.HourlyQuota;
import org.vigie.common.problem.ProblemException;
import org.vigie.photo.PhotoImages;
import org.vigie.photo.PhotoService;
import org.vigie.site.Site;
import org.vigie.site.SiteService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans of a site's floors: uploaded (re-encoded by the photo pipeline), placed, replaced and
 * removed. Every change locks the site's row, so that two people placing the same floor's plan are
 * told of each other (409) instead of one losing the other's work; a replaced plan is kept, marked removed.
 */
@ApplicationScoped
public class FloorPlanService {

    /** Longest side of a stored plan: more than a photo's, so that room names stay legible. */
    public static final int MAX_SIDE = 2400;
    /** Uploads per account and hour (moderators have none): each costs a decoding and up to a megabyte. */
    static final int PLANS_PER_HOUR = 20;

    private final PhotoService photos;

    FloorPlanService(PhotoService photos) {
        this.photos = photos;
    }

    /** Before reading the upload: the floor exists and the account has quota left. */
    @Transactional
    public void checkUpload(long siteId, String level, Account uploader) {
        floorOf(site(siteId), level);
        checkQuota(uploader);
    }

    /** The slow part, outside any transaction. */
    public PhotoImages.Encoded encode(byte[] upload) {
        return photos.encode(upload, MAX_SIDE);
    }

    /**
     * Stores the plan of the floor, replacing the current one when {@code expectedVersion} is its version
     * (required then: 428 without, 409 when stale). Placed by {@code bounds}, or over the site when null.
     */
    @Transactional
    public FloorPlan store(long siteId, String level, Integer expectedVersion, PhotoImages.Encoded encoded,
                           PlanBounds bounds, Account uploader) {
        checkQuota(uploader); // again: uploads decoded side by side all passed the first check
        Site site = lockedSite(siteId);
        floorOf(site, level);
        Optional<FloorPlan> current = current(siteId, level);
        int version = 1;
        OffsetDateTime now = CameraService.now();
        if (current.isPresent()) {
            FloorPlan old = current.get();
            if (expectedVersion == null) {
                throw new ProblemException(428, "precondition-required", "Precondition required",
                        "this floor already has a plan: send If-Match with its version (\"" + old.version + "\") to replace it");
            }
            requireVersion(old, expectedVersion);
            old.removedAt = now;
            old.removedBy = uploader.id;
            old.flush(); // the unique index holds one shown plan per floor
            version = old.version + 1;
        } else if (expectedVersion != null) {
            throw new StaleVersion(expectedVersion, 0, "the floor has no plan any more: reload the site");
        }
        FloorPlan plan = new FloorPlan();
        plan.siteId = siteId;
        plan.level = level;
        plan.width = encoded.width();
        plan.height = encoded.height();
        plan.image = encoded.image();
        plan.place(bounds != null ? bounds : PlanBounds.around(site.position, site.outline, encoded.width(), encoded.height()));
        plan.version = version;
        plan.uploadedBy = uploader.id;
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.persistAndFlush();
        return plan;
    }

    /** Moves or resizes the floor's plan on the map. */
    @Transactional
    public FloorPlan place(long siteId, String level, int expectedVersion, PlanBounds bounds) {
        lockedSite(siteId);
        FloorPlan plan = shown(siteId, level);
        requireVersion(plan, expectedVersion);
        plan.place(bounds);
        plan.version++;
        plan.updatedAt = CameraService.now();
        plan.flush();
        return plan;
    }

    /** Takes the plan off the floor; its row stays, marked removed. */
    @Transactional
    public void remove(long siteId, String level, int expectedVersion, Account by) {
        lockedSite(siteId);
        FloorPlan plan = shown(siteId, level);
        requireVersion(plan, expectedVersion);
        plan.removedAt = CameraService.now();
        plan.removedBy = by.id;
    }

    /** The floor's plan: 404 when it never had one, 410 when it was removed. */
    @Transactional
    public FloorPlan shown(long siteId, String level) {
        floorOf(site(siteId), level);
        return current(siteId, level).orElseThrow(() -> {
            long removed = FloorPlan.count("siteId = ?1 and level = ?2", siteId, level);
            return removed > 0 ? new Gone(siteId, level) : new NotFound(siteId, level);
        });
    }

    /** The plans shown on the site's floors, by level (those of levels the site no longer lists included). */
    @Transactional
    public Map<String, FloorPlan> ofSite(long siteId) {
        return FloorPlan.<FloorPlan>list("siteId = ?1 and removedAt is null", siteId).stream()
                .collect(Collectors.toMap(p -> p.level, Function.identity()));
    }

    /** The bytes of a shown plan, by its id: each upload has its own, so they never change. */
    @Transactional
    public byte[] image(long id) {
        FloorPlan plan = FloorPlan.<FloorPlan>findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(404, "floor-plan-not-found", "Floor plan not found",
                        "no floor plan has the id " + id));
        if (plan.removed()) {
            throw new ProblemException(410, "floor-plan-removed", "Floor plan removed",
                    "floor plan " + id + " was replaced or removed: read the site again for the current one");
        }
        return plan.image;
    }

    private static Optional<FloorPlan> current(long siteId, String level) {
        return FloorPlan.find("siteId = ?1 and level = ?2 and removedAt is null", siteId, level).firstResultOptional();
    }

    /** 404 for a site that never existed, 410 for a deleted one. */
    private static Site site(long siteId) {
        return SiteService.shown(Site.<Site>findByIdOptional(siteId).orElseThrow(() -> new SiteService.NotFound(siteId)));
    }

    private static Site lockedSite(long siteId) {
        return SiteService.shown(Site.<Site>findByIdOptional(siteId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new SiteService.NotFound(siteId)));
    }

    private static Site.Floor floorOf(Site site, String level) {
        return site.floors.stream().filter(f -> f.level.equals(level)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "floor-not-found", "Floor not found",
                        "site " + site.id + " has no floor of level " + level + ": its floors are "
                                + site.floors.stream().map(f -> f.level).collect(Collectors.joining(", "))));
    }

    private static void requireVersion(FloorPlan plan, int expected) {
        if (plan.version != expected) {
            throw new StaleVersion(expected, plan.version, "reload the site, then place or replace the plan again");
        }
    }

    private static void checkQuota(Account uploader) {
        if (uploader.role.includes(Role.MODERATOR)) {
            return;
        }
        HourlyQuota.lock(FloorPlan.getEntityManager(), uploader.id);
        OffsetDateTime now = CameraService.now();
        List<OffsetDateTime> recent = FloorPlan.getEntityManager().createQuery("select p.createdAt from FloorPlan p"
                        + " where p.uploadedBy = ?1 and p.createdAt > ?2 order by p.createdAt desc", OffsetDateTime.class)
                .setParameter(1, uploader.id).setParameter(2, now.minus(HourlyQuota.WINDOW))
                .setMaxResults(PLANS_PER_HOUR).getResultList();
        if (recent.size() >= PLANS_PER_HOUR) {
            throw HourlyQuota.exceeded(now, recent.get(recent.size() - 1), PLANS_PER_HOUR, "Too many floor plans", "floor plans", "");
        }
    }

    public static final class StaleVersion extends ProblemException {
        StaleVersion(int provided, int current, String advice) {
            super(409, "version-conflict", "Version conflict", "provided version " + provided
                    + " of the floor plan, server has version " + current + ": " + advice);
            with("providedVersion", provided);
            with("currentVersion", current);
        }
    }

    public static final class NotFound extends ProblemException {
        NotFound(long siteId, String level) {
            super(404, "floor-plan-not-found", "Floor plan not found", "floor " + level + " of site " + siteId + " has no plan");
        }
    }

    public static final class Gone extends ProblemException {
        Gone(long siteId, String level) {
            super(410, "floor-plan-removed", "Floor plan removed", "the plan of floor " + level + " of site " + siteId + " was removed");
        }
    }
}
