package org.vigie.camera;

import jakarta.persistence.LockModeType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.watch.Authorisation;

import java.util.ArrayList;
import java.util.List;

/**
 * What citizen watch records of a camera beyond what it is (issue 17): what its sign says, and the
 * prefectoral authorisation that covers it. Kept apart from the other attributes of a
 * {@link CameraDraft} because no import source says any of it: a draft without facts (null) leaves
 * the camera's as they are.
 */
public record WatchFacts(YesNoUnknown signNamesOperator, YesNoUnknown signGivesContact, Long authorisationId) {

    public static final WatchFacts NONE = new WatchFacts(YesNoUnknown.UNKNOWN, YesNoUnknown.UNKNOWN, null);

    /** What a sign says is only known of a sign that is there (the schema's camera_sign_content). */
    public static List<FieldError> contradictions(Signage signage, WatchFacts facts) {
        List<FieldError> errors = new ArrayList<>();
        if (facts == null || signage == Signage.PRESENT) {
            return errors;
        }
        if (facts.signNamesOperator != YesNoUnknown.UNKNOWN) {
            errors.add(new FieldError("properties.signNamesOperator", "goes with signage present: only a sign that is there says something"));
        }
        if (facts.signGivesContact != YesNoUnknown.UNKNOWN) {
            errors.add(new FieldError("properties.signGivesContact", "goes with signage present: only a sign that is there says something"));
        }
        return errors;
    }

    /**
     * Must run inside a transaction, after the camera's position is set: an authorisation is named
     * from the register of the city the camera stands in, and an unknown one is a bad field.
     */
    void applyTo(Camera camera) {
        camera.signNamesOperator = signNamesOperator;
        camera.signGivesContact = signGivesContact;
        if (authorisationId != null && !authorisationId.equals(camera.authorisationId)) {
            // FOR SHARE: a deletion of this entry under way (FOR UPDATE) is waited for and seen, and one that
            // comes after waits for this camera and counts it (RegisterCorrections.delete)
            Authorisation entry = Camera.getEntityManager().find(Authorisation.class, authorisationId, LockModeType.PESSIMISTIC_READ);
            if (entry == null) {
                throw ProblemException.invalid("properties.authorisation", "no authorisation has the id " + authorisationId);
            }
            if (entry.removedAt != null) {
                throw ProblemException.invalid("properties.authorisation", "authorisation " + authorisationId
                        + " was deleted from its city's register");
            }
            String city = (String) Camera.getEntityManager().createNativeQuery("SELECT vigie_city_at(ST_SetSRID("
                            + "ST_MakePoint(?1, ?2), 4326))")
                    .setParameter(1, camera.position.getX()).setParameter(2, camera.position.getY()).getSingleResult();
            if (!entry.cityCode.equals(city)) {
                throw ProblemException.invalid("properties.authorisation", "authorisation " + authorisationId
                        + " is in the register of city " + entry.cityCode + ", not of the city the camera stands in");
            }
        }
        camera.authorisationId = authorisationId;
    }

    /**
     * Issue 17: no visible camera names a deleted authorisation. A deletion is refused while visible cameras
     * name it, but hidden ones do not hold it back (RegisterCorrections.delete says why): one shown again
     * (restored, reverted past its deletion) comes back naming none. Called by the one write path for each
     * new version; answers why the link was dropped, or null when it stays.
     */
    static String dropDeletedAuthorisation(Camera camera) {
        if (!camera.visible || camera.authorisationId == null) {
            return null;
        }
        Authorisation entry = Camera.getEntityManager().find(Authorisation.class, camera.authorisationId, LockModeType.PESSIMISTIC_READ);
        if (entry == null || entry.removedAt == null) {
            return null;
        }
        camera.authorisationId = null;
        return "authorisation " + entry.id + " was deleted from its city's register while the camera was hidden: it names none now";
    }
}
