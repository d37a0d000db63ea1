package org.vigie.cluster;

import java.util.List;

/** The cells of an area, the number of cameras they hold together, and whether cells were left out. */
public record ClusterResult(ClusterGrid grid, List<ClusterCell> cells, long total, boolean truncated) {
}
