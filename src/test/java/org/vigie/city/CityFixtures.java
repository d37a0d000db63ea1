package org.vigie.city;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.city.boundary.ImportCitiesCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real files of ../shared/data for the city tests: the 18 commune boundaries and the 2,279
 * cameras of the sous-surveillance.net export. Until the legacy importer exists, the cameras are
 * written as a bulk importer would: a JDBC batch straight into the camera table, no API.
 */
@ApplicationScoped
public class CityFixtures {

    public static final Path COMMUNES = Path.of("../shared/data/boundaries/france-communes-selection.geojson");
    public static final Path LEGACY = Path.of("../shared/data/legacy/sous-surveillance-2012.geojson");
    public static final String LEGACY_SOURCE = "legacy-test";

    private final AgroalDataSource dataSource;
    private final ImportCitiesCommand importCities;

    public CityFixtures(AgroalDataSource dataSource, ImportCitiesCommand importCities) {
        this.dataSource = dataSource;
        this.importCities = importCities;
    }

    public static void assumeData() {
        assumeTrue(Files.isReadable(COMMUNES) && Files.isReadable(LEGACY),
                "skipped: ../shared/data (commune boundaries, sous-surveillance export) is absent");
    }

    /** No city at all: cameras lose theirs (ON DELETE SET NULL). */
    public void clearCities() {
        execute("DELETE FROM city");
    }

    public void importCommunes() {
        assertEquals(0, importCities.run(List.of(COMMUNES.toString())), "import-cities of the commune file");
    }

    /** Replaces the legacy cameras; returns how many were written. */
    public int loadLegacyCameras() throws IOException, SQLException {
        execute("DELETE FROM camera WHERE source = '" + LEGACY_SOURCE + "'");
        JsonNode features = new ObjectMapper().readTree(LEGACY.toFile()).path("features");
        String insert = """
                INSERT INTO camera (position, fov_area, field_of_view, range_m, operator, source, source_id)
                VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4326), ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.0003),
                        60, 30, ?, ?, ?)""";
        int written = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(insert)) {
            for (JsonNode feature : features) {
                JsonNode xy = feature.path("geometry").path("coordinates");
                String operator = feature.path("properties").path("op_name").asText("").strip();
                s.setDouble(1, xy.get(0).asDouble());
                s.setDouble(2, xy.get(1).asDouble());
                s.setDouble(3, xy.get(0).asDouble());
                s.setDouble(4, xy.get(1).asDouble());
                s.setString(5, operator.isEmpty() || operator.length() > 200 ? null : operator);
                s.setString(6, LEGACY_SOURCE);
                s.setString(7, "row-" + written);
                s.addBatch();
                written++;
            }
            s.executeBatch();
        }
        return written;
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
