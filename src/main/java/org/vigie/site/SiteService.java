package org.vigie.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.geo.Geometries;
import org.vigie.common.problem.HourlyQuota;
import org.vigie.common.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Sites and their cameras: writes lock the row and check the version the client saw, as camera writes do. */
@ApplicationScoped
public class SiteService {

    /** New sites per account and hour: a site is rarer than a camera. */
    static final int SITES_PER_HOUR = 20;
    public static final int MAX_RESULTS = 200;

    private final CurrentAccount account;
    private final SiteHistory history;

    public SiteService(CurrentAccount account, SiteHistory history) {
        this.account = account;
        this.history = history;
    }

    @Transactional
    public Site create(SiteDraft draft) {
        Account author = account.require();
        checkQuota(author);
        Site site = new Site();
        draft.applyTo(site);
        site.version = 1;
        site.createdBy = author.id;
        site.createdAt = CameraService.now();
        site.updatedAt = site.createdAt;
        site.persistAndFlush();
        history.record(site, SiteHistory.Action.CREATED, author.id);
        return site;
    }

    /** The site, even deleted (its history is still read). */
    @Transactional
    public Optional<Site> find(long id) {
        return Site.findByIdOptional(id);
    }

    /** The site if it is not deleted: 404 when it never existed, 410 once deleted. */
    @Transactional
    public Site require(long id) {
        return shown(Site.<Site>findByIdOptional(id).orElseThrow(() -> new NotFound(id)));
    }

    public static Site shown(Site site) {
        if (site.removedAt != null) {
            throw new Gone(site.id);
        }
        return site;
    }

    @Transactional
    public Site update(long id, int expectedVersion, SiteDraft draft) {
        Account author = account.require();
        Site site = locked(id);
        if (site.version != expectedVersion) {
            throw new StaleVersion(expectedVersion, site.version);
        }
        draft.applyTo(site);
        site.version++;
        site.updatedAt = CameraService.now();
        site.flush();
        history.record(site, SiteHistory.Action.MODIFIED, author.id);
        return site;
    }

    /**
     * Deletes the site, softly: by its author or a moderator (403 for others), and only once no
     * camera is left on it (409: move or delete them first, so that none loses its site silently).
     */
    @Transactional
    public void delete(long id, int expectedVersion) {
        Account by = account.require();
        Site site = locked(id);
        if (site.version != expectedVersion) {
            throw new StaleVersion(expectedVersion, site.version);
        }
        if (!account.isModerator() && !by.id.equals(site.createdBy)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only the volunteer who created this site, or a moderator,"
                    + " may delete it");
        }
        long cameras = Camera.count("siteId = ?1 and visible = true", id);
        if (cameras > 0) {
            throw new ProblemException(409, "site-has-cameras", "Site has cameras", cameras + " camera(s) are still on site " + id
                    + ": move them to another site or delete them first").with("cameras", cameras);
        }
        site.version++;
        site.updatedAt = CameraService.now();
        site.removedAt = site.updatedAt;
        site.removedBy = by.id;
        site.flush();
        history.record(site, SiteHistory.Action.DELETED, by.id);
    }

    /** Every version of the site, newest first; also once it was deleted. */
    @Transactional
    public List<SiteHistory.Entry> history(long id) {
        find(id).orElseThrow(() -> new NotFound(id));
        return history.of(id);
    }

    private static Site locked(long id) {
        return shown(Site.<Site>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFound(id)));
    }

    /**
     * Sites in a box, named like {@code q} (its name or employer contains it, case-insensitively), or
     * whose outline holds a point (the sites offered to a camera placed there); by name.
     */
    @Transactional
    public List<Site> search(double[] bbox, String q, double[] at) {
        StringBuilder where = new StringBuilder("removedAt is null");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (bbox != null) {
            where.append(" and (st_intersects(position, :box) = true or st_intersects(outline, :box) = true)");
            params.put("box", Geometries.box(bbox[0], bbox[1], bbox[2], bbox[3]));
        }
        if (q != null) {
            where.append(" and (lower(name) like :q escape '\\' or lower(employer) like :q escape '\\')");
            params.put("q", "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (at != null) {
            where.append(" and st_contains(outline, :at) = true");
            params.put("at", Geometries.point(at[0], at[1]));
        }
        return Site.find(where + " order by name, id", params).page(0, MAX_RESULTS).list();
    }

    /** The site's visible cameras, by level then id. */
    @Transactional
    public List<Camera> cameras(long id) {
        require(id);
        return Camera.list("siteId = ?1 and visible = true order by level nulls last, id", id);
    }

    /** The report for the site's CSE meeting. */
    @Transactional
    public SiteReport report(long id) {
        Site site = require(id);
        return SiteReport.of(site, Camera.list("siteId = ?1 and visible = true order by level nulls last, id", id),
                CameraService.now());
    }

    /** Visible cameras per site, for the lists. */
    @Transactional
    public long cameraCount(long id) {
        return Camera.count("siteId = ?1 and visible = true", id);
    }

    private static void checkQuota(Account author) {
        HourlyQuota.lock(Site.getEntityManager(), author.id);
        OffsetDateTime now = CameraService.now();
        List<OffsetDateTime> recent = Site.getEntityManager().createQuery("select s.createdAt from Site s"
                        + " where s.createdBy = ?1 and s.createdAt > ?2 order by s.createdAt desc", OffsetDateTime.class)
                .setParameter(1, author.id).setParameter(2, now.minus(HourlyQuota.WINDOW))
                .setMaxResults(SITES_PER_HOUR).getResultList();
        if (recent.size() >= SITES_PER_HOUR) {
            throw HourlyQuota.exceeded(now, recent.get(recent.size() - 1), SITES_PER_HOUR, "Too many sites", "new sites", "");
        }
    }

    public static final class StaleVersion extends ProblemException {
        public StaleVersion(int provided, int current) {
            super(409, "version-conflict", "Version conflict", "provided version " + provided + ", server has version "
                    + current + ": reload the site, apply your change again and resend it");
            with("providedVersion", provided);
            with("currentVersion", current);
        }
    }

    public static final class Gone extends ProblemException {
        public Gone(long id) {
            super(410, "site-removed", "Site deleted", "site " + id + " was deleted; its history is still at /api/sites/" + id + "/history");
            with("id", id);
        }
    }

    public static final class NotFound extends ProblemException {
        public NotFound(long id) {
            super(404, "site-not-found", "Site not found", "no site has the id " + id);
        }
    }
}
