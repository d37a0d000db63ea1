package org.vigie.camera;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.rest.CameraFeatureReader;
import org.vigie.common.problem.ProblemException;

/**
 * Reverts a camera to what an earlier version said. A revert is a new version (OpenStreetMap's
 * model): nothing in the history is rewritten.
 */
@ApplicationScoped
public class CameraReverts {

    private final CurrentAccount current;
    private final WriteLimits limits;
    private final CameraWrites writes;
    private final ObjectMapper json;

    public CameraReverts(CurrentAccount current, WriteLimits limits, CameraWrites writes, ObjectMapper json) {
        this.current = current;
        this.limits = limits;
        this.writes = writes;
        this.json = json;
    }

    /** Version {@code expectedVersion} (the one the client saw) becomes what {@code target} was. */
    @Transactional
    public Camera revert(long id, int expectedVersion, int target) {
        Account who = current.require();
        limits.checkEdit(who);
        Camera camera = CameraService.lock(id);
        CameraService.checkVersion(camera, expectedVersion);
        if (target < 1 || target >= camera.version) {
            throw ProblemException.invalid("version", "must be an earlier version of camera " + id
                    + (camera.version > 1 ? ", from 1 to " + (camera.version - 1) : ", which has only version 1"));
        }
        CameraVersion earlier = CameraVersion.find("cameraId = ?1 and version = ?2", id, target).firstResult();
        restore(camera, earlier, who.id, true);
        return camera;
    }

    /**
     * Writes the content of {@code earlier} as the camera's next version, by {@code authorId}, shown
     * or hidden as it was then ({@code visible}): a revert past a deletion shows it again, a revert
     * past a restore or a merge hides it again. The camera must be locked.
     */
    public void restore(Camera camera, CameraVersion earlier, long authorId, boolean visible) {
        CameraDraft draft = CameraFeatureReader.read(json.valueToTree(earlier.wholeSnapshot()));
        draft.applyTo(camera);
        boolean visibilityChanged = camera.visible != visible;
        camera.visible = visible;
        if (visible) {
            camera.mergedInto = null; // a merge undone: the duplicate stands on its own again
        }
        writes.newVersion(camera, CameraVersion.Action.REVERT, authorId, visibilityChanged);
    }

    /** Hides a camera as a revert of its creation. The camera must be locked. */
    public void hide(Camera camera, long authorId) {
        camera.visible = false;
        writes.newVersion(camera, CameraVersion.Action.REVERT, authorId, true);
    }
}
