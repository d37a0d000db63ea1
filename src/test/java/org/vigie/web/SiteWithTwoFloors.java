package org.vigie.web;

import com.microsoft.playwright.Page;

/**
 * The start of the workplace journeys (WorkplaceJourneyTest, FloorPlanJourneyTest): a staff
 * representative, on a map already open, creates a site with its ground floor and a first floor
 * ("1"). On a phone the toolbar keeps one row, so the sites open from the filters' workplace part;
 * on a desktop from the toolbar's button. Leaves the site's panel open, its floor list shown.
 */
final class SiteWithTwoFloors {

    private SiteWithTwoFloors() {
    }

    /** Fills the form (an address when not null), lets {@code beforeSaving} look at it (a screenshot), saves. */
    static void create(Page page, boolean phone, String name, String employer, String address, Runnable beforeSaving) {
        if (phone) {
            page.locator("#filters-toggle").click();
            page.locator("#filters-workplace summary").click();
            page.locator("#filters-sites").click();
        } else {
            page.locator("#sites").click();
        }
        page.locator("#site-create").click();
        page.locator("#site-name").fill(name);
        page.locator("#site-employer").fill(employer);
        if (address != null) {
            page.locator("#site-address").fill(address);
        }
        page.locator("#site-floor-name-0").fill("Rez-de-chaussée");
        page.locator("#site-add-floor").click();
        page.locator("#site-floor-level-1").fill("1");
        page.locator("#site-floor-name-1").fill("1er étage");
        beforeSaving.run();
        page.locator("#site-form button[type=submit]").click();
        page.waitForSelector("#site-floor");
    }
}
