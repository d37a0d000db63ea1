package org.vigie.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The versions of a site, as cameras have theirs: each write copies the site's row and floors, as
 * they are after it, into site_version (by SQL, from the rows just flushed, so that what is kept is
 * what was stored). Read back newest first, with the author's pseudonym.
 */
@ApplicationScoped
public class SiteHistory {

    /** What a version did; site_version's CHECK lists the same (EnumerationChecksTest). */
    public enum Action {
        CREATED, MODIFIED, DELETED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One version: the site as it was (its point and outline as GeoJSON, its floors as [{level, name}]). */
    public record Entry(int version, String action, String author, OffsetDateTime at, String name, String employer,
                        String address, JsonNode geometry, JsonNode outline, JsonNode floors) {
    }

    private final ObjectMapper json;

    SiteHistory(ObjectMapper json) {
        this.json = json;
    }

    /** Inside the write's transaction, after the site was flushed. */
    void record(Site site, Action action, Long author) {
        EntityManager em = Site.getEntityManager();
        em.flush();
        em.createNativeQuery("INSERT INTO site_version (site_id, version, action, name, employer, address, position, outline,"
                        + " floors, author, created_at)"
                        + " SELECT s.id, s.version, ?1, s.name, s.employer, s.address, s.position, s.outline,"
                        + " coalesce((SELECT jsonb_agg(jsonb_build_object('level', f.level, 'name', f.name) ORDER BY f.position)"
                        + " FROM site_floor f WHERE f.site_id = s.id), '[]'::jsonb), ?2, s.updated_at FROM site s WHERE s.id = ?3")
                .setParameter(1, action.wire()).setParameter(2, author).setParameter(3, site.id).executeUpdate();
    }

    /** The site's versions, newest first. */
    List<Entry> of(long siteId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Site.getEntityManager().createNativeQuery("SELECT v.version, v.action, a.username, v.created_at,"
                        + " v.name, v.employer, v.address, st_asgeojson(v.position), st_asgeojson(v.outline), v.floors::text"
                        + " FROM site_version v LEFT JOIN account a ON a.id = v.author WHERE v.site_id = ?1 ORDER BY v.version DESC")
                .setParameter(1, siteId).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                toOffset(r[3]), (String) r[4], (String) r[5], (String) r[6], tree(r[7]), tree(r[8]), tree(r[9]))).toList();
    }

    private JsonNode tree(Object text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("site_version holds JSON the database wrote", e);
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type");
    }
}
