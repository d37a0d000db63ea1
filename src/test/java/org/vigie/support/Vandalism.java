package org.vigie.support;

import org.vigie.account.Role;
import org.vigie.support.Accounts.TestAccount;

import java.util.Map;

/**
 * A vandal and its puppet, two established volunteers, who each edited two cameras in turn and in
 * opposite orders, so that neither alone is the last author of both: camera {@code first} (at
 * {@code spot}, operator "Mairie") went Vandale 1 then Marionnette 1, camera {@code second} (at
 * {@code other}, "Banque") Marionnette 2 then Vandale 2; each is at version 3. What the moderation
 * tests undo, through the API (RevertTogetherTest) or on a phone (VandalAndPuppetTest).
 */
public record Vandalism(long first, long second, TestAccount vandal, TestAccount puppet) {

    public static Vandalism crosswise(double[] spot, double[] other) {
        long first = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        long second = Api.create(other[0], other[1], Map.of("operator", "Banque"));
        TestAccount vandal = Accounts.established(Role.VOLUNTEER);
        TestAccount puppet = Accounts.established(Role.VOLUNTEER);
        puppet.editOperator(first, vandal.editOperator(first, 1, spot, "Vandale 1"), spot, "Marionnette 1");
        vandal.editOperator(second, puppet.editOperator(second, 1, other, "Marionnette 2"), other, "Vandale 2");
        return new Vandalism(first, second, vandal, puppet);
    }
}
