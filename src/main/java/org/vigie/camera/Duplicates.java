package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.Kind;
import org.vigie.common.geo.Geodesy;
import org.vigie.common.geo.Geometries;
import org.vigie.common.problem.ProblemException;

import java.util.List;

/**
 * The same camera mapped twice is the commonest mistake on a crowd-sourced map: a new camera with
 * another of its kind within {@link #RADIUS_M} is refused until the client confirms it is another one.
 */
@ApplicationScoped
public class Duplicates {

    public static final double RADIUS_M = 10;

    /** Visible cameras still in place, of this kind, within 10 m (measured on the spheroid). */
    @SuppressWarnings("unchecked")
    public List<Long> near(double lon, double lat, Kind kind) {
        // A box in degrees lets the position index find the candidates; geography measures metres.
        double latSpan = Math.toDegrees(2 * RADIUS_M / Geodesy.EARTH_RADIUS_M);
        double lonSpan = latSpan / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        return Camera.getEntityManager().createNativeQuery(
                        "SELECT id FROM camera WHERE visible AND kind = :kind AND status <> :removed"
                                + " AND position && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326)"
                                + " AND ST_DWithin(position::geography, ST_SetSRID(ST_MakePoint(:x, :y), 4326)::geography, :r)"
                                + " ORDER BY id LIMIT 20", Long.class)
                .setParameter("kind", kind.wire()).setParameter("removed", CameraStatus.REMOVED.wire())
                .setParameter("x0", lon - lonSpan).setParameter("y0", lat - latSpan)
                .setParameter("x1", lon + lonSpan).setParameter("y1", lat + latSpan)
                .setParameter("x", lon).setParameter("y", lat).setParameter("r", RADIUS_M)
                .getResultList();
    }

    public static final class Suspected extends ProblemException {
        public Suspected(List<Long> nearby) {
            super(409, "duplicate-suspected", "Possible duplicate",
                    "another camera of the same kind stands within " + (int) RADIUS_M + " m (" + nearby
                            + "): if yours is another one, send it again with ?confirmDuplicate=true");
            with("nearby", nearby);
        }
    }
}
