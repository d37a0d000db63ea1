package org.vigie.camera.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.camera.Camera;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.city.NameKey;
import org.vigie.common.geo.Geodesy;

import java.util.Comparator;
import java.util.List;

/**
 * The operators known around a point, with how many cameras each runs there: what a volunteer
 * adding a camera is offered. The cameras within {@link #RADIUS_M} are grouped in the database (the
 * position index finds them); the text is matched here on the names' keys, so that "prefecture"
 * finds "Préfecture de police" (accents, case and punctuation aside).
 */
@ApplicationScoped
public class OperatorSuggestions {

    public static final double RADIUS_M = 5000;
    public static final int LIMIT = 20;
    /** Distinct operators read around a point at most: a city centre has a few hundred. */
    private static final int READ_AT_MOST = 5000;

    public record Operator(String name, long cameras) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Operator> near(double lon, double lat, String text) {
        double latSpan = Math.toDegrees(RADIUS_M / Geodesy.EARTH_RADIUS_M);
        double lonSpan = latSpan / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        List<Object[]> rows = Camera.getEntityManager().createNativeQuery(
                        "SELECT operator, count(*) FROM camera WHERE visible AND status <> :removed AND operator IS NOT NULL"
                                + " AND position && ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326)"
                                + " GROUP BY operator ORDER BY count(*) DESC, operator LIMIT :most")
                .setParameter("removed", CameraStatus.REMOVED.wire())
                .setParameter("x0", lon - lonSpan).setParameter("y0", lat - latSpan)
                .setParameter("x1", lon + lonSpan).setParameter("y1", lat + latSpan)
                .setParameter("most", READ_AT_MOST)
                .getResultList();
        String key = NameKey.of(text);
        return rows.stream()
                .map(r -> new Operator((String) r[0], ((Number) r[1]).longValue()))
                .filter(o -> key.isEmpty() || NameKey.of(o.name()).contains(key))
                .sorted(Comparator.comparingLong(Operator::cameras).reversed().thenComparing(Operator::name))
                .limit(LIMIT)
                .toList();
    }
}
