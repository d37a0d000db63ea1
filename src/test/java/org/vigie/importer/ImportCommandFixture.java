package org.vigie.importer;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.Api;
import org.vigie.support.ConsoleCapture;
import org.vigie.support.Sql;

import java.nio.file.Path;

/**
 * What the tests of the import command share (ImportCommandTest, ImportBoundsTest): the command and
 * the database, a folder for the files each test writes, what the command prints, and a registry
 * without imported cameras before each test (volunteers' cameras of other tests stay).
 */
abstract class ImportCommandFixture {

    @Inject
    ImportCommand command;
    @Inject
    Sql sql;
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void forget() {
        ImportFixtures.forgetImportedCameras(sql);
    }
}
