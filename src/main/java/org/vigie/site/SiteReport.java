package org.vigie.site;

import org.vigie.camera.Camera;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.YesNoUnknown;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What staff representatives bring to their CSE meeting: the site's cameras floor by floor, each with
 * what it films, can do and the rules it breaks ({@link Rule} codes), and the counts of the summary.
 */
public record SiteReport(SiteHeading site, OffsetDateTime generatedAt, Summary summary, List<RuleCount> rules,
                         List<FloorCameras> floors) {

    public record SiteHeading(long id, String name, String employer, String address, int version) {
    }

    /** Counts of cameras; the unknown ones are those whose answer nobody gave yet, to be asked at the meeting. */
    public record Summary(int cameras, int filmsWorkstations, int recordsSound, int staffNotInformed,
                          int staffBodyNotConsulted, int retentionOver30Days, int noSign,
                          int staffInformedUnknown, int staffBodyConsultedUnknown, int retentionUnknown) {
    }

    /** One rule, the text it rests on, and how many cameras break it. */
    public record RuleCount(String code, String reference, int cameras) {
    }

    /** A floor of the site ({@code name} null for a level the site does not list) and its cameras. */
    public record FloorCameras(String level, String name, List<Entry> cameras) {
    }

    public record Entry(long id, double[] coordinates, String level, String cameraType, String filmedArea, String zone,
                        String filmsWorkstations, List<String> capabilities, String staffInformed,
                        String staffBodyConsulted, String viewers, Integer retentionDays, String signage,
                        String operator, String notes, List<String> rules) {
    }

    public static SiteReport of(Site site, List<Camera> cameras, OffsetDateTime now) {
        Map<String, FloorCameras> floors = new LinkedHashMap<>();
        for (Site.Floor floor : site.floors) {
            floors.put(floor.level, new FloorCameras(floor.level, floor.name, new ArrayList<>()));
        }
        int[] broken = new int[Rule.values().length];
        int informedUnknown = 0;
        int consultedUnknown = 0;
        int retentionUnknown = 0;
        for (Camera c : cameras) {
            List<String> rules = new ArrayList<>();
            for (Rule rule : Rule.values()) {
                if (rule.brokenBy(c)) {
                    rules.add(rule.code());
                    broken[rule.ordinal()]++;
                }
            }
            informedUnknown += c.staffInformed == YesNoUnknown.UNKNOWN ? 1 : 0;
            consultedUnknown += c.staffBodyConsulted == YesNoUnknown.UNKNOWN ? 1 : 0;
            retentionUnknown += c.retentionDays == null ? 1 : 0;
            floors.computeIfAbsent(Objects.requireNonNullElse(c.level, ""),
                    level -> new FloorCameras(c.level, null, new ArrayList<>())).cameras().add(entry(c, rules));
        }
        Summary summary = new Summary(cameras.size(), broken[Rule.FILMS_WORKSTATION.ordinal()],
                broken[Rule.RECORDS_SOUND.ordinal()], broken[Rule.STAFF_NOT_INFORMED.ordinal()],
                broken[Rule.STAFF_BODY_NOT_CONSULTED.ordinal()], broken[Rule.RETENTION_OVER_30_DAYS.ordinal()],
                broken[Rule.NO_SIGN.ordinal()], informedUnknown, consultedUnknown, retentionUnknown);
        List<RuleCount> rules = Arrays.stream(Rule.values())
                .map(r -> new RuleCount(r.code(), r.reference(), broken[r.ordinal()])).toList();
        return new SiteReport(new SiteHeading(site.id, site.name, site.employer, site.address, site.version), now,
                summary, rules, List.copyOf(floors.values()));
    }

    private static Entry entry(Camera c, List<String> rules) {
        return new Entry(c.id, new double[] {c.position.getX(), c.position.getY()}, c.level, c.cameraType.wire(),
                c.filmedArea.wire(), c.zone.wire(), c.filmsWorkstations.wire(),
                c.capabilities.stream().map(Capability::wire).toList(), c.staffInformed.wire(),
                c.staffBodyConsulted.wire(), c.viewers, c.retentionDays, c.signage.wire(), c.operator, c.notes, rules);
    }
}
