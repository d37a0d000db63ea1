package org.vigie.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's journey with floor plans, in a real Chromium on a phone and on a desktop: a staff
 * representative creates the town hall with two floors, uploads floor 1's plan, lays it on the
 * building (the map's view, then a corner dragged), places two cameras on the plan, lists the cameras
 * by floor and prints the report, whose printed text is checked.
 */
@QuarkusTest
class FloorPlanJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void onAPhone() {
        walk(Browser.options().phone(), "360x640", true);
    }

    @Test
    void onADesktop() {
        walk(Browser.options().desktop(), "1280x800", false);
    }

    private void walk(Browser.Options options, String size, boolean phone) {
        double[] spot = Api.freshSpot();
        String name = "Mairie de Besançon " + System.nanoTime();
        try (Browser.Session s = Browser.open(options)) {
            Page page = s.logIn(Accounts.volunteer()).page();
            page.navigate(base + "#map=19/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            // the site and its two floors
            SiteWithTwoFloors.create(page, phone, name, "Région Bourgogne-Franche-Comté", null, () -> { });
            long site = sql.count("SELECT id FROM site WHERE name = ?", name);

            // floor 1 has no plan yet: the staff representative sends the one the employer gave the CSE
            page.locator("#site-floor").selectOption("1");
            page.waitForSelector("#plan-file");
            assertTrue(page.locator(".plan-section").textContent().contains("Pas encore de plan"));
            page.locator("#plan-file").setInputFiles(new FilePayload("plan-1er-etage.png", "image/png", floorPlan()));
            page.waitForSelector("#plan-save");
            page.waitForSelector("img.floor-plan");
            assertEquals(1, sql.count("SELECT count(*) FROM floor_plan WHERE site_id = ? AND level = '1' AND removed_at IS NULL", site));
            shot(page, "plan-uploaded-" + size);

            // laid on the map's view, saved; then its north-east corner dragged further east, saved again
            page.locator("#plan-fit-view").click();
            page.locator("#plan-save").click();
            page.waitForSelector("#site-floor");
            assertEquals(2, sql.count("SELECT version FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site));
            double west = sql.decimal("SELECT west FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site);
            double east = sql.decimal("SELECT east FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site);
            page.locator("#plan-place").click();
            page.waitForSelector(".plan-handle-ne");
            shot(page, "plan-placing-" + size);
            drag(page, page.locator(".plan-handle-ne"), 30, 0);
            page.locator("#plan-save").click();
            page.waitForSelector("#site-floor");
            assertEquals(3, sql.count("SELECT version FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site));
            assertEquals(west, sql.decimal("SELECT west FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site), 1e-9,
                    "the west edge stays");
            assertTrue(sql.decimal("SELECT east FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site) > east + 1e-6,
                    "the east edge moved east");
            assertEquals(0, page.locator(".plan-handle").count(), "no handle once saved");
            assertTrue(page.locator(".plan-section").textContent().contains("affiché sur la carte"));

            // the plan's rectangle becomes the site's outline
            page.locator("#plan-as-outline").click();
            page.waitForFunction("() => [...document.querySelectorAll('.message')].some(m => m.textContent.includes('Contour du site'))");
            assertEquals(1, sql.count("SELECT count(*) FROM site s JOIN floor_plan p ON p.site_id = s.id AND p.removed_at IS NULL"
                    + " WHERE s.id = ? AND s.version = 2 AND st_equals(s.outline, st_makeenvelope(p.west, p.south, p.east, p.north, 4326))"
                    + " AND st_contains(s.outline, s.position)", site));
            page.waitForSelector("#site-add-camera");

            // two cameras placed on the plan: the marker dragged onto a room of the plan
            double[][] onThePlan = {{0.25, 0.35}, {0.75, 0.6}};
            for (int i = 0; i < 2; i++) {
                page.locator("#site-add-camera").click();
                page.waitForSelector("#cam-site");
                assertEquals("1", page.locator("#cam-level").inputValue(), "the floor is the one chosen");
                BoundingBox plan = page.locator("img.floor-plan").boundingBox();
                BoundingBox marker = page.locator(".draft-icon").boundingBox();
                double x = plan.x + plan.width * onThePlan[i][0];
                double y = plan.y + plan.height * onThePlan[i][1];
                assertTrue((Boolean) page.evaluate("([x, y]) => document.getElementById('map').contains(document.elementFromPoint(x, y))",
                        List.of(x, y)), "the spot on the plan is not covered by the form");
                drag(page, page.locator(".draft-icon"), x - (marker.x + marker.width / 2), y - (marker.y + marker.height / 2));
                page.locator("label[for=cam-cap-zoom]").click();
                page.locator("#cam-filmsWorkstations").selectOption(i == 0 ? "yes" : "no");
                page.locator("#cam-staffInformed").selectOption("no");
                if (i == 0) {
                    shot(page, "plan-camera-" + size);
                }
                page.locator("button[type=submit][form=camera-form]").click();
                page.waitForFunction("() => document.querySelector('#editor').hidden"
                        + " || (document.querySelector('#editor .status').textContent !== ''"
                        + "     && !document.querySelector('button[form=camera-form]').hasAttribute('aria-busy'))");
                assertTrue((Boolean) page.evaluate("() => document.querySelector('#editor').hidden"),
                        () -> "saved: " + page.locator("#editor .status").textContent() + " " + page.locator("#editor .form-errors").textContent());
                int expected = i + 1;
                page.waitForFunction("n => document.querySelectorAll('#site-panel .site-cameras li').length === n", expected);
            }
            // both stand on the plan, where they were dropped: west part and east part
            String onPlan = "SELECT count(*) FROM camera c JOIN floor_plan p ON p.site_id = c.site_id AND p.level = c.level"
                    + " AND p.removed_at IS NULL WHERE c.site_id = ? AND st_x(c.position) BETWEEN p.west AND p.east"
                    + " AND st_y(c.position) BETWEEN p.south AND p.north"
                    + " AND st_contains((SELECT outline FROM site WHERE id = c.site_id), c.position)";
            assertEquals(2, sql.count(onPlan, site));
            assertEquals(1, sql.count(onPlan + " AND st_x(c.position) < (p.west + p.east) / 2 AND c.films_workstations = 'yes'", site));
            assertEquals(1, sql.count(onPlan + " AND st_x(c.position) > (p.west + p.east) / 2 AND c.films_workstations = 'no'", site));
            shot(page, "plan-cameras-" + size);

            // a colleague's camera on the ground floor: the list follows the floor chosen, the plan too
            Api.create(spot[0], spot[1], Map.of("site", site, "level", "0", "zone", "workplace", "filmedArea", "indoor"));
            page.locator("#site-floor").selectOption("0");
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 1");
            assertEquals(0, page.locator("img.floor-plan").count(), "the ground floor has no plan");
            page.locator("#site-floor").selectOption("");
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 3");
            page.locator("#site-floor").selectOption("1");
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 2");
            page.waitForSelector("img.floor-plan");

            // the report, as printed
            page.locator("#site-report-open").click();
            page.waitForSelector("#site-report .report-total");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            String printed = (String) page.evaluate("() => document.body.innerText");
            for (String expected : List.of(name, "Région Bourgogne-Franche-Comté", "3 caméra(s) sur le site",
                    "1 caméra(s) : filme des postes de travail", "Code du travail L1222-4", "1er étage", "Rez-de-chaussée")) {
                assertTrue(printed.contains(expected), expected + " in the printed page: " + printed);
            }
            for (String absent : List.of("Imprimer", "Ajouter une caméra", "Caler sur la vue")) {
                assertFalse(printed.contains(absent), absent + " is not printed: " + printed);
            }
            assertEquals("none", page.evaluate("() => getComputedStyle(document.getElementById('map')).display"));
            // the first floor's plan is printed with its two cameras numbered where they were dropped; the ground floor has none
            assertEquals(1, page.locator("#site-report figure.report-plan").count());
            page.waitForFunction("() => document.querySelector('#site-report figure.report-plan img').naturalWidth > 0");
            BoundingBox printedPlan = page.locator("#site-report figure.report-plan img").boundingBox();
            for (int i = 0; i < 2; i++) {
                long id = sql.count("SELECT id FROM camera WHERE site_id = ? AND level = '1' ORDER BY st_x(position) OFFSET ? LIMIT 1", site, i);
                BoundingBox number = page.locator("#site-report .plan-marker[data-id='" + id + "']").boundingBox();
                assertEquals(onThePlan[i][0], (number.x + number.width / 2 - printedPlan.x) / printedPlan.width, 0.05, "camera " + i + " across");
                assertEquals(onThePlan[i][1], (number.y + number.height / 2 - printedPlan.y) / printedPlan.height, 0.05, "camera " + i + " down");
            }
            assertTrue(printed.contains("caméras numérotées"), printed);
            page.locator("#site-report figure.report-plan").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "plan-report-figure-" + size + ".png")));
            shot(page, "plan-report-print-" + size);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // the site's history, then its deletion refused while cameras are on it: the form says why
            page.locator("#site-report button.secondary").click();
            page.locator("#site-history summary").click();
            // the panel may be redrawn meanwhile (the report closed refreshes it): the history stays unfolded
            page.waitForFunction("() => { const items = document.querySelectorAll('#site-history li[data-version]');"
                    + " return items.length === 2 && items[0].textContent.includes('v2 modifié'); }");
            page.locator("#site-panel").getByText("Modifier le site").click();
            page.onceDialog(dialog -> dialog.accept());
            page.locator("#site-delete").click();
            page.waitForSelector("#site-form .form-errors li");
            assertTrue(page.locator("#site-form .form-errors").textContent().contains("3 caméra(s) sont encore sur le site"),
                    page.locator("#site-form .form-errors").textContent());
            assertEquals(1, sql.count("SELECT count(*) FROM site WHERE id = ? AND removed_at IS NULL", site));
            shot(page, "site-delete-refused-" + size);
            // the refusal's answer is the one error the browser logs
            assertEquals(List.of(), s.errors().stream().filter(e -> !e.contains("409 (Conflict)")).toList());
        }
    }

    /** Drags an element (a Leaflet marker) by (dx, dy) pixels with the mouse, in steps as a hand does. */
    private static void drag(Page page, Locator handle, double dx, double dy) {
        BoundingBox box = handle.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + dx, y + dy, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    /** A floor plan as an employer's PDF exports it: a corridor, rooms, their names. */
    static byte[] floorPlan() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 800);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(8));
        g.drawRect(20, 20, 1160, 760);
        g.drawLine(20, 360, 1180, 360);
        g.drawLine(20, 440, 1180, 440);
        for (int x = 300; x < 1180; x += 290) {
            g.drawLine(x, 20, x, 360);
            g.drawLine(x, 440, x, 780);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString("Accueil", 60, 200);
        g.drawString("Bureaux", 360, 200);
        g.drawString("Couloir", 520, 412);
        g.drawString("Salle du conseil", 640, 620);
        g.dispose();
        return TestImages.encode(image, "png");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
