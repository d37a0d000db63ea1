package org.vigie.upkeep;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schema's own SQL functions are each defined once, in the repeatable migration
 * R__camera_functions_and_triggers.sql (issue 20): every function of the database that no extension
 * brought (PostGIS) is there, once. A versioned migration that adds a function without moving it
 * there fails this test.
 */
@QuarkusTest
class SqlFunctionsDefinedOnceTest {

    private static final Path REPEATABLE = Path.of("src", "main", "resources", "db", "migration",
            "R__camera_functions_and_triggers.sql");
    private static final Pattern DEFINED = Pattern.compile("(?im)^CREATE OR REPLACE FUNCTION (\\w+)\\(");

    @Inject
    Sql sql;

    @Test
    void everyFunctionOfTheSchemaIsDefinedOnceInTheRepeatableMigration() throws IOException {
        List<String> defined = DEFINED.matcher(Files.readString(REPEATABLE)).results().map(m -> m.group(1)).sorted().toList();
        assertEquals(defined.stream().distinct().toList(), defined, "a function defined twice in " + REPEATABLE);
        // functions of the schema that no extension owns; test helpers that create their own name them refuse_*
        List<String> inDatabase = Arrays.stream(sql.text("SELECT string_agg(p.proname, ',' ORDER BY p.proname) FROM pg_proc p "
                        + "WHERE p.pronamespace = 'public'::regnamespace AND p.proname NOT LIKE 'refuse\\_%' "
                        + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')").split(","))
                .distinct().sorted().toList();
        assertEquals(inDatabase, defined);
    }
}
