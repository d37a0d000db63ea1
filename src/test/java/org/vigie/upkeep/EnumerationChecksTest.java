package org.vigie.upkeep;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.camera.CameraVersion;
import org.vigie.camera.attribute.CameraValues;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.moderation.ModerationLog;
import org.vigie.osm.upload.UploadAction;
import org.vigie.osm.upload.UploadState;
import org.vigie.support.Sql;
import org.vigie.verification.ReportReason;
import org.vigie.verification.ReportResolution;
import org.vigie.watch.BudgetPurpose;
import org.vigie.watch.RegisterChange;
import org.vigie.watch.RequestOutcome;
import org.vigie.watch.RequestSubject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each enumeration is listed once, in its Java enum: every CHECK constraint of the schema that
 * lists values (column = ANY (ARRAY[...]) or column <@ ARRAY[...]) lists exactly the enum's values,
 * and no such constraint exists without its enum here. A migration that adds a value to a CHECK
 * without the enum, or the other way round, fails this test.
 */
@QuarkusTest
class EnumerationChecksTest {

    /** The ARRAY[...] of a constraint's definition, then each quoted value in it. */
    private static final Pattern ARRAY = Pattern.compile("ARRAY\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    @Inject
    Sql sql;

    /** table.column to the values its enum allows, in order. */
    private static Map<String, List<String>> enums() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (CameraValues.Enumeration e : CameraValues.ALL) {
            expected.put("camera." + e.column(), e.values());
        }
        // a workplace camera's duties to the staff (V22_1)
        expected.put("camera.staff_informed", Arrays.stream(YesNoUnknown.values()).map(WireEnum::wire).toList());
        expected.put("camera.staff_body_consulted", Arrays.stream(YesNoUnknown.values()).map(WireEnum::wire).toList());
        expected.put("camera_version.action", Arrays.stream(CameraVersion.Action.values())
                .map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
        expected.put("camera_report.reason", Arrays.stream(ReportReason.values()).map(WireEnum::wire).toList());
        expected.put("site_version.action", Arrays.stream(org.vigie.site.SiteHistory.Action.values())
                .map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
        expected.put("account.role", Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        expected.put("camera_report.resolution", wires(ReportResolution.class));
        expected.put("moderation_log.action", Arrays.stream(ModerationLog.Action.values()).map(a -> a.wire).toList());
        expected.put("city_budget_line.purpose", wires(BudgetPurpose.class));
        expected.put("city_records_request.subject", wires(RequestSubject.class));
        expected.put("city_records_request.outcome", wires(RequestOutcome.class));
        expected.put("osm_upload_item.action", wires(UploadAction.class));
        expected.put("city_register_change.action", Arrays.stream(RegisterChange.values()).map(WireEnum::wire).toList());
        expected.put("osm_upload.state", Arrays.stream(UploadState.values()).map(WireEnum::wire).toList());
        return expected;
    }

    private static <E extends Enum<E> & WireEnum> List<String> wires(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList();
    }

    @Test
    void everyListOfValuesInTheSchemaIsAJavaEnumsList() {
        Map<String, List<String>> checks = new TreeMap<>();
        String rows = sql.text("SELECT string_agg(conrelid::regclass || '|' || conname || '|' || pg_get_constraintdef(oid), E'\\n') "
                + "FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 AND connamespace = 'public'::regnamespace "
                + "AND pg_get_constraintdef(oid) LIKE '%ARRAY[%'");
        for (String row : rows.split("\n")) {
            String[] parts = row.split("\\|", 3);
            String column = parts[2].replaceFirst("^CHECK \\(+", "").split("[ )]")[0];
            Matcher array = ARRAY.matcher(parts[2]);
            if (!array.find()) {
                continue;
            }
            List<String> values = QUOTED.matcher(array.group(1)).results().map(m -> m.group(1)).toList();
            checks.put(parts[0] + "." + column, values);
        }
        Map<String, List<String>> expected = new TreeMap<>(enums());
        assertEquals(expected, checks);
    }

    /** The map's cluster code (vigie_cluster_attrs) numbers these enums' values in this order: they must agree. */
    @Test
    void theClusterCodeListsTheEnumsValuesInTheirOrder() {
        List<String> clustered = List.of("kind", "cameraType", "operatorType", "signage", "status");
        Map<String, List<String>> values = CameraValues.byProperty();
        for (int attribute = 1; attribute <= clustered.size(); attribute++) {
            assertEquals(String.join(",", values.get(clustered.get(attribute - 1))),
                    sql.text("SELECT array_to_string(vigie_cluster_attr_values(?), ',')", attribute), clustered.get(attribute - 1));
        }
    }
}
