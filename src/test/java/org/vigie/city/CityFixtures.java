package org.vigie.city;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.camera.Camera;
import org.vigie.city.boundary.ImportCitiesCommand;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportReport;
import org.vigie.importer.ImportService;

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
 * cameras of the sous-surveillance.net export, imported by the real importer (COPY into the camera
 * table, the database trigger giving each its city).
 */
@ApplicationScoped
public class CityFixtures {

    public static final Path COMMUNES = Path.of("../shared/data/boundaries/france-communes-selection.geojson");
    public static final Path LEGACY = Path.of("../shared/data/legacy/sous-surveillance-2012.geojson");
    public static final String LEGACY_SOURCE = Camera.SOURCE_SOUS_SURVEILLANCE;

    private final AgroalDataSource dataSource;
    private final ImportCitiesCommand importCities;
    private final ImportService imports;

    public CityFixtures(AgroalDataSource dataSource, ImportCitiesCommand importCities, ImportService imports) {
        this.dataSource = dataSource;
        this.importCities = importCities;
        this.imports = imports;
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

    /** Replaces the legacy cameras with a fresh import of the export; returns how many were written. */
    public int loadLegacyCameras() {
        execute("DELETE FROM camera_version WHERE camera_id IN (SELECT id FROM camera WHERE source = '" + LEGACY_SOURCE + "')");
        execute("DELETE FROM camera WHERE source = '" + LEGACY_SOURCE + "'");
        ImportReport report = imports.importFile(LEGACY, ImportOptions.defaults(), progress -> { });
        return (int) report.created();
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
