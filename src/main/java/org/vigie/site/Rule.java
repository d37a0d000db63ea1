package org.vigie.site;

import org.vigie.camera.Camera;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;

import java.util.function.Predicate;

/**
 * The usual rules a workplace camera breaks, as staff representatives raise them: each with a stable
 * code (the report's JSON and the app's labels) and the text it rests on. A rule is counted as broken
 * only on what was observed: an unknown answer breaks none (the report counts those apart).
 */
public enum Rule {
    /** Filming a workstation constantly is disproportionate (CNIL, Code du travail L1121-1). */
    FILMS_WORKSTATION("films-workstation", "Code du travail L1121-1", c -> c.filmsWorkstations == YesNoUnknown.YES),
    /** Sound recording is disproportionate save exceptions (CNIL, Code du travail L1121-1). */
    RECORDS_SOUND("records-sound", "Code du travail L1121-1", c -> c.capabilities.contains(Capability.AUDIO)),
    /** Each employee must be told individually before being filmed. */
    STAFF_NOT_INFORMED("staff-not-informed", "Code du travail L1222-4", c -> c.staffInformed == YesNoUnknown.NO),
    /** The staff body (CSE) must be consulted before installation. */
    STAFF_BODY_NOT_CONSULTED("staff-body-not-consulted", "Code du travail L2312-38",
            c -> c.staffBodyConsulted == YesNoUnknown.NO),
    /** Images are kept a month at most (CNIL's guidance; Code de la sécurité intérieure L252-5 on public ground). */
    RETENTION_OVER_30_DAYS("retention-over-30-days", "CNIL ; Code de la sécurité intérieure L252-5",
            c -> c.retentionDays != null && c.retentionDays > 30),
    /** People filmed must be told by a sign (RGPD article 13). */
    NO_SIGN("no-sign", "RGPD art. 13", c -> c.signage == Signage.ABSENT);

    private final String code;
    private final String reference;
    private final Predicate<Camera> broken;

    Rule(String code, String reference, Predicate<Camera> broken) {
        this.code = code;
        this.reference = reference;
        this.broken = broken;
    }

    public String code() {
        return code;
    }

    public String reference() {
        return reference;
    }

    public boolean brokenBy(Camera camera) {
        return broken.test(camera);
    }
}
