package org.vigie.city;

import org.vigie.camera.CameraSqlFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A city's cameras per site (issue 16), following the same filters as the rest of its statistics. */
final class SiteCounts {

    /** More sites than this in one city's figures would not be read: the largest are kept. */
    static final int TOP_SITES = 50;

    private SiteCounts() {
    }

    static List<CityStats.SiteCount> of(Connection connection, String code, CameraSqlFilter filter) throws SQLException {
        String where = filter == null ? "city_code = ? AND visible" : "city_code = ? AND " + filter.where();
        String sql = "SELECT s.id, s.name, c.n FROM (SELECT site_id, count(*) AS n FROM camera WHERE " + where
                + " AND site_id IS NOT NULL GROUP BY site_id) c JOIN site s ON s.id = c.site_id"
                + " ORDER BY c.n DESC, s.name, s.id LIMIT " + TOP_SITES;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, code);
            if (filter != null) {
                CameraSqlFilter.bind(s, filter.params(), 2);
            }
            List<CityStats.SiteCount> sites = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sites.add(new CityStats.SiteCount(r.getLong(1), r.getString(2), r.getLong(3)));
                }
            }
            return sites;
        }
    }
}
