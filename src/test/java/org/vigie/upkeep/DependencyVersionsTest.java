package org.vigie.upkeep;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The libraries that the app runs with carry the published fixes pinned in pom.xml (Netty's HTTP codec
 * memory exhaustion and multipart fixes, jackson-databind's, pgjdbc's, Hibernate ORM's): the versions
 * are read from the classes loaded, so a BOM order that let the Quarkus platform's older ones win fails here.
 * The packaged jar's lib folder is checked by TwoInstancesIT's build as well.
 */
class DependencyVersionsTest {

    @Test
    void nettyIsPatched() {
        io.netty.util.Version codec = io.netty.util.Version.identify().get("netty-codec-http");
        assertAtLeast("netty-codec-http", codec.artifactVersion(), "4.1.137.Final");
        io.netty.util.Version.identify().forEach((artifact, version) ->
                assertAtLeast(artifact, version.artifactVersion(), "4.1.137.Final"));
    }

    @Test
    void jacksonIsPatched() {
        assertAtLeast("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(), "2.21.8");
        assertAtLeast("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "2.21.8");
    }

    @Test
    void postgresqlDriverIsPatched() {
        assertAtLeast("pgjdbc", org.postgresql.util.DriverInfo.DRIVER_VERSION, "42.7.14");
    }

    @Test
    void hibernateOrmIsPatched() {
        assertAtLeast("hibernate-core", org.hibernate.Version.getVersionString(), "7.2.25.Final");
    }

    static void assertAtLeast(String what, String actual, String floor) {
        assertTrue(compare(actual, floor) >= 0, what + " is " + actual + ", older than the patched " + floor);
    }

    /** Compares the numeric parts (4.1.137.Final against 4.1.133.Final); a qualifier counts as nothing. */
    static int compare(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[.-]")).takeWhile(part -> part.matches("\\d+"))
                .mapToInt(Integer::parseInt).toArray();
    }
}
