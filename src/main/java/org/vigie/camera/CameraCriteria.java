package org.vigie.camera;

import org.vigie.city.CityNotFound;
import org.vigie.city.CityRef;
import org.vigie.common.geo.Geometries;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigie.camera.attribute.WireEnum;

/**
 * A {@link CameraQuery} as an HQL condition on {@link Camera} and its parameters: the one
 * translation that searches and exports share. Only visible cameras match. Use it as
 * {@code FROM + where}.
 */
public record CameraCriteria(String where, Map<String, Object> params) {

    public static final String FROM = "from Camera c left join fetch c.city where ";

    /** Must run inside a transaction: an unknown city is a {@link CityNotFound}. */
    public static CameraCriteria of(CameraQuery query) {
        StringBuilder where = new StringBuilder("c.visible = true");
        Map<String, Object> params = new HashMap<>();
        if (query.area() != null) {
            CameraQuery.Area a = query.area();
            where.append(" and st_intersects(c.position, :bbox) = true");
            params.put("bbox", Geometries.box(a.minLon(), a.minLat(), a.maxLon(), a.maxLat()));
        }
        if (query.city() != null) {
            if (Camera.getEntityManager().find(CityRef.class, query.city()) == null) {
                throw new CityNotFound(query.city());
            }
            where.append(" and c.city.code = :city");
            params.put("city", query.city());
        }
        anyOf(where, params, "kind", query.kinds());
        anyOf(where, params, "cameraType", query.cameraTypes());
        anyOf(where, params, "operatorType", query.operatorTypes());
        anyOf(where, params, "signage", query.signages());
        anyOf(where, params, "status", query.statuses());
        if (query.operator() != null) {
            where.append(" and lower(c.operator) = lower(:operator)");
            params.put("operator", query.operator());
        }
        workplace(where, params, query.workplace());
        watch(where, params, query.watch());
        if (query.toRecheck() != null) {
            // the same condition as CameraSqlFilter's and Recheck.due's
            where.append(query.toRecheck() ? " and coalesce(c.lastConfirmedAt, c.createdAt) < :seenBefore"
                    : " and coalesce(c.lastConfirmedAt, c.createdAt) >= :seenBefore");
            params.put("seenBefore", Recheck.seenBefore());
        }
        return new CameraCriteria(where.toString(), params);
    }

    /** Issue 16: the same conditions as {@link CameraSqlFilter}'s, in HQL. */
    private static void workplace(StringBuilder where, Map<String, Object> params, CameraQuery.Workplace w) {
        anyOf(where, params, "zone", w.zones());
        anyOf(where, params, "filmedArea", w.filmedAreas());
        anyOf(where, params, "filmsWorkstations", w.filmsWorkstations());
        if (!w.capabilities().isEmpty()) {
            // the array overlap has no HQL form: a SQL function of V22_1 does it
            where.append(" and function('camera_has_any_capability', c.capabilities, :capabilities) = true");
            params.put("capabilities", w.capabilities().stream().map(WireEnum::wire).collect(Collectors.joining(",")));
        }
        anyOf(where, params, "level", w.levels());
        anyOf(where, params, "siteId", w.sites());
    }

    /** Issue 17: the same conditions as {@link CameraSqlFilter}'s, in HQL. */
    private static void watch(StringBuilder where, Map<String, Object> params, CameraQuery.Watch w) {
        if (w.firstSeenFrom() != null) {
            where.append(" and c.firstSeen >= :firstSeenFrom");
            params.put("firstSeenFrom", w.firstSeenFrom());
        }
        if (w.firstSeenTo() != null) {
            where.append(" and c.firstSeen <= :firstSeenTo");
            params.put("firstSeenTo", w.firstSeenTo());
        }
        anyOf(where, params, "signNamesOperator", w.signNamesOperator());
        anyOf(where, params, "signGivesContact", w.signGivesContact());
    }

    private static void anyOf(StringBuilder where, Map<String, Object> params, String field, Collection<?> values) {
        if (!values.isEmpty()) {
            where.append(" and c.").append(field).append(" in :").append(field);
            params.put(field, values);
        }
    }
}
