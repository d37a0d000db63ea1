package org.vigie.cluster;

/**
 * One cell of the aggregation grid: how many cameras it holds, where they are on average, and
 * the bounds of the cell (minLon, minLat, maxLon, maxLat).
 */
public record ClusterCell(long count, double lon, double lat,
                          double minLon, double minLat, double maxLon, double maxLat) {
}
