package org.vigie.camera.rest;

import org.vigie.watch.AuthorisationRef;

import java.time.LocalDate;

/** The prefectoral authorisation a camera names, as its properties show it (issue 17). */
public record AuthorisationRefView(long id, String reference, LocalDate validUntil) {

    static AuthorisationRefView of(AuthorisationRef a) {
        return a == null ? null : new AuthorisationRefView(a.id, a.reference, a.validUntil);
    }
}
