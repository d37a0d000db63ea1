package org.vigie.camera;

import java.util.List;

/** The cameras a search returned, and whether more matched than the limit allowed. */
public record CameraPage(List<Camera> cameras, boolean truncated, int limit) {
}
