package org.vigie.city;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Besançon|besancon",
            "VILLEURBANNE|villeurbanne",
            "Val-d'Isère|val d isere",
            "  Saint-Étienne  |saint etienne",
            "Hénin-Beaumont|henin beaumont",
            "L'Haÿ-les-Roses|l hay les roses",
            "Œuilly|oeuilly",
            "Montreuil-sous-Bois (93)|montreuil sous bois 93",
            "'' |''",
    })
    void namesAreComparedWithoutCaseAccentsOrPunctuation(String name, String key) {
        assertEquals(key, NameKey.of(name));
    }
}
