package org.vigie.camera.rest;

import org.vigie.city.CityRef;

/** The city a camera is in, as its properties show it. */
public record CityView(String code, String name) {

    static CityView of(CityRef city) {
        return city == null ? null : new CityView(city.code, city.name);
    }
}
