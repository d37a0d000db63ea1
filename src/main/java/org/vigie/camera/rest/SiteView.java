package org.vigie.camera.rest;

import org.vigie.site.SiteRef;

/** The site a camera belongs to, as its properties show it. */
public record SiteView(long id, String name) {

    static SiteView of(SiteRef site) {
        return site == null ? null : new SiteView(site.id, site.name);
    }
}
