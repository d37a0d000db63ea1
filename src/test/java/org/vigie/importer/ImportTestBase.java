package org.vigie.importer;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.nio.file.Path;

/**
 * What the importer's tests share: the import service, SQL, a folder for the files they write, and
 * a registry without imported cameras before each test (volunteers' cameras of other tests stay).
 */
abstract class ImportTestBase {

    @Inject
    ImportService imports;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void withoutImportedCameras() {
        ImportFixtures.forgetImportedCameras(sql);
    }
}
