package org.vigie.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Finds cities by name and reads one with its boundary and camera count. */
@ApplicationScoped
public class CityService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final EntityManager entityManager;

    public CityService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A city found by a search: its bounding box, not its boundary. */
    public record Summary(String code, String name, long cameraCount, double[] bbox) {
    }

    /** A city with everything its page shows. */
    public record Detail(City city, long cameraCount) {
    }

    /**
     * Cities whose name starts with {@code text}, ignoring case, accents and punctuation
     * ({@link NameKey}), or whose code starts with it; every city when the text is blank.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Summary> search(String text, int limit) {
        String prefix = NameKey.of(text) + "%";
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.code, c.name,
                               (SELECT count(*) FROM camera WHERE city_code = c.code AND visible),
                               ST_XMin(c.boundary), ST_YMin(c.boundary), ST_XMax(c.boundary), ST_YMax(c.boundary)
                        FROM city c
                        WHERE c.name_key LIKE :prefix OR lower(c.code) LIKE :prefix
                        ORDER BY c.name_key, c.code
                        LIMIT :limit""")
                .setParameter("prefix", prefix)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Summary((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                new double[] {number(r[3]), number(r[4]), number(r[5]), number(r[6])})).toList();
    }

    @Transactional
    public Optional<Detail> find(String code) {
        return City.<City>findByIdOptional(code).map(city -> new Detail(city, cameraCount(code)));
    }

    private long cameraCount(String code) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM camera WHERE city_code = :code AND visible")
                .setParameter("code", code).getSingleResult()).longValue();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
