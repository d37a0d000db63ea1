package org.vigie.city.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.vigie.city.NameKey;

import java.util.List;

/**
 * Stores city boundaries and reassigns the cameras they concern, in one transaction: a file is
 * imported whole or not at all.
 */
@ApplicationScoped
public class CityImportService {

    /** How many cities were new, how many were updated in place, how many cameras changed city. */
    public record Result(int created, int updated, int camerasReassigned) {
    }

    // ST_MakeValid repairs self-intersections common in simplified boundaries; ST_CollectionExtract
    // keeps the polygons of what it returns. xmax = 0 tells an insert from an update.
    private static final String UPSERT = """
            INSERT INTO city (code, name, name_key, boundary, area_km2, imported_at)
            SELECT :code, :name, :nameKey, g, ST_Area(g::geography) / 1e6, now()
            FROM (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(
                         ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326)), 3)) AS g) AS repaired
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_key = EXCLUDED.name_key,
                boundary = EXCLUDED.boundary, area_km2 = EXCLUDED.area_km2, imported_at = EXCLUDED.imported_at
            RETURNING (xmax = 0)""";

    // The cameras an import may move: those in the cities just written (imported_at is the
    // transaction's now()) and those inside their bounding boxes. Only real changes are written.
    private static final String REASSIGN = """
            UPDATE camera cam SET city_code = vigie_city_at(cam.position)
            FROM (SELECT inside.id FROM city c JOIN camera inside ON inside.position && c.boundary
                  WHERE c.imported_at = now()
                  UNION
                  SELECT id FROM camera WHERE city_code IN (SELECT code FROM city WHERE imported_at = now())
                 ) AS touched
            WHERE cam.id = touched.id AND cam.city_code IS DISTINCT FROM vigie_city_at(cam.position)""";

    private final EntityManager entityManager;

    public CityImportService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Result store(List<Boundary> boundaries) {
        int created = 0;
        for (Boundary boundary : boundaries) {
            if (upsert(boundary)) {
                created++;
            }
        }
        int reassigned = entityManager.createNativeQuery(REASSIGN).executeUpdate();
        return new Result(created, boundaries.size() - created, reassigned);
    }

    private boolean upsert(Boundary boundary) {
        try {
            Object inserted = entityManager.createNativeQuery(UPSERT)
                    .setParameter("code", boundary.code())
                    .setParameter("name", boundary.name())
                    .setParameter("nameKey", NameKey.of(boundary.name()))
                    .setParameter("geometry", boundary.geometryJson())
                    .getSingleResult();
            return Boolean.TRUE.equals(inserted);
        } catch (PersistenceException e) {
            // The transaction is lost at the first failing statement: report this feature, store nothing.
            throw new InvalidBoundaryFile("feature " + boundary.feature() + " (code " + boundary.code() + "): "
                    + "the database refused its boundary: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }
}
