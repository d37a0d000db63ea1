package org.vigie.city;

import org.vigie.common.problem.ProblemException;

/** A city code that no imported boundary has: a 404 problem. */
public final class CityNotFound extends ProblemException {

    public CityNotFound(String code) {
        super(404, "city-not-found", "City not found",
                "no city has the code \"" + code + "\": search one with GET /api/cities?q=name");
        with("code", code);
    }
}
