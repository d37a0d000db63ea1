package org.vigie.city.boundary;

/**
 * What a boundary file did, as the upload answers it: how many cities it held, how many were new and
 * how many updated in place (matched by code), which properties gave their names and codes, how many
 * cameras changed city, and how long it took.
 */
public record BoundaryReport(String file, int cities, int created, int updated, String nameProperty,
                             String codeProperty, int camerasReassigned, double seconds) {
}
