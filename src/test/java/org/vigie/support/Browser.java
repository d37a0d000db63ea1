package org.vigie.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Debian Chromium for every browser test of the run (started on first use, closed
 * at exit), driven by Playwright, which never downloads a browser of its own. Each test gets a
 * fresh context; the map's tiles come through the app's relay from a tile server on the loopback
 * ({@link FakeTileUpstream}), and tile.openstreetmap.org is answered locally should a page ask it,
 * so no test needs the internet; every request, page error and console error is recorded for the
 * test to check.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final String TILE_HOST = "https://tile.openstreetmap.org/";
    /**
     * Chromium 156's omnibox popup is a web page of its own (about 400 chrome:// modules), loaded
     * for every new window, that is every test's context; headless never shows it, and on 2 cores it
     * takes the CPU the page under test needs.
     */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    /** A session: a context and its page, with what they did. Skips the test without Chromium. */
    public static Session open(Browser.Options options) {
        assumeTrue(Files.isExecutable(CHROMIUM), "browser tests skipped: " + CHROMIUM + " is missing (apt-get install chromium)");
        BrowserContext context = browser().newContext(options.context);
        Session session = new Session(context, context.newPage());
        if (options.tiles) {
            context.route(TILE_HOST + "**", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setContentType("image/png").setBodyBytes(tile())));
        }
        session.page.onRequest(r -> session.requests.add(r.url()));
        session.page.onPageError(e -> session.errors.add("page error: " + e));
        session.page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                session.errors.add("console error: " + m.text());
            }
        });
        return session;
    }

    public static final class Options {
        /**
         * The app's service worker (frontend/sw.js) is blocked unless a test asks for it: Playwright's
         * page.route() does not see the requests a service worker makes, and many tests fake answers so.
         */
        final com.microsoft.playwright.Browser.NewContextOptions context =
                new com.microsoft.playwright.Browser.NewContextOptions().setLocale("fr-FR")
                        .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK);

        /** The app's service worker allowed, as for a visitor: the offline tests and the first view's budget. */
        public Options serviceWorker() {
            context.setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.ALLOW);
            return this;
        }

        boolean tiles = true;

        /**
         * No route at all: while any is set, Playwright answers the browser's CORS preflights itself,
         * permissively, so a test of the server's CORS answers needs none (and gets no tile stand-in).
         */
        public Options withoutRoutes() {
            tiles = false;
            return this;
        }

        public Options phone() {
            context.setViewportSize(360, 640).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
            return this;
        }

        private final List<String> permissions = new java.util.ArrayList<>();

        /** A position the page may read, as if the user allowed it. */
        public Options geolocation(double lat, double lon) {
            permissions.add("geolocation");
            context.setGeolocation(lat, lon).setPermissions(permissions);
            return this;
        }

        /** The motion sensors allowed: DeviceOrientationEvent.requestPermission() answers "granted". */
        public Options compass() {
            permissions.addAll(List.of("accelerometer", "gyroscope", "magnetometer"));
            context.setPermissions(permissions);
            return this;
        }

        /** A desktop window of 1280x800. */
        public Options desktop() {
            context.setViewportSize(1280, 800);
            return this;
        }

        public Options locale(String locale) {
            context.setLocale(locale);
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    /** A page and what it did; close it at the end of the test. */
    public record Session(BrowserContext context, Page page, List<String> requests, List<String> errors)
            implements AutoCloseable {

        Session(BrowserContext context, Page page) {
            this(context, page, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        /** Logged in as this account, as the login panel leaves it: call before the first navigation. */
        public Session logIn(Accounts.TestAccount account) {
            context.addInitScript("localStorage.setItem('vigie.session', JSON.stringify({token: '" + account.token()
                    + "', username: '" + account.username() + "', role: '" + account.role().wire() + "'}))");
            return this;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static synchronized com.microsoft.playwright.Browser browser() {
        if (chromium == null) {
            // never fetch a browser: Debian's Chromium is the one users run
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    /** A plain light-grey 256-pixel PNG, standing in for the tile server. */
    public static byte[] tilePng() {
        return tile();
    }

    private static byte[] tile() {
        return java.util.Base64.getDecoder().decode(TILE_PNG);
    }

    private static final String TILE_PNG = "iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAIAAADTED8xAAAB/0lEQVR42u3TMQ0AAAzDsPJHuqsYdg/DLBlBpKQdeCsSYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgAA6iAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA2AAFTAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADwLVmVSl9I4noAgAAAABJRU5ErkJggg==";
}
