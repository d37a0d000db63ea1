import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does the map stay smooth on a large registry? Opens the app in headless Debian Chromium (through
 * Playwright, never downloading a browser), once per view, each in a fresh context (empty cache), and
 * reports the time from navigation start until the map has drawn its markers (the view's count is
 * shown and its cluster or camera markers are in the page, and the next frame has run), as the page
 * itself measures it, with what was drawn and the bytes the page
 * and its data took on the wire (compressed; map tiles are answered locally and not counted: the
 * server's tile relay would otherwise ask an upstream server, which this machine cannot reach).
 * Each view is first opened once untimed, so that the server has warmed up as it would have for
 * earlier readers; every timed round still starts from a fresh browser context with an empty cache.
 *
 *   java -cp CLASSPATH bench/MapDrawBench.java http://127.0.0.1:18383 [ROUNDS]
 */
public class MapDrawBench {

    private static final String[][] VIEWS = {
            {"world", "2/30/0"},
            {"country (France)", "6/46.6/2.4"},
            {"city (central Paris)", "16/48.8570/2.3500"},
            // a few streets: few enough cameras to draw each with its cone (a second request, view=map)
            {"streets (central Paris)", "18/48.8570/2.3500"},
    };
    private static final byte[] TILE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static void main(String[] args) {
        String base = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // Debian's Chromium only: Playwright must never download a browser of its own.
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(java.nio.file.Path.of("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            // the browser's own omnibox popup, a page of about 400 chrome:// modules loaded for
                            // every new window (each round's context), which headless never shows: it would
                            // take the 2 cores from the page measured (as in the tests' support.Browser)
                            "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup")));
            System.out.println("| view | round | drawn at (ms from navigation start, in the page) | seen by the harness (ms) | drawn | bytes on the wire (compressed) | page and modules loaded (ms) | data requests (start +duration, ms) | long tasks before the draw (start +duration, ms) |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (String[] view : VIEWS) {
                measure(chromium, base, view, 0, false);
            }
            for (String[] view : VIEWS) {
                for (int round = 1; round <= rounds; round++) {
                    measure(chromium, base, view, round, true);
                }
            }
        }
    }

    private static void measure(Browser chromium, String base, String[] view, int round, boolean report) {
        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("fr-FR"))) {
            for (String tiles : List.of("https://tile.openstreetmap.org/**", base + "/basemap/**")) {
                context.route(tiles, r -> r.fulfill(new Route.FulfillOptions()
                        .setStatus(200).setContentType("image/png").setBodyBytes(TILE)));
            }
            // The page notes when its markers first appear (a DOM observer) and the frame that shows them
            // (the next animation frame's task), from navigation start; and the main thread's long tasks
            // (over 50 ms), to tell what kept the map from drawing. The harness's own polling would add its
            // waits to the measure: Playwright answers each relayed tile and sees the load event only then.
            context.addInitScript("window.__longTasks = []; new PerformanceObserver((list) => list.getEntries()"
                    + ".forEach((e) => window.__longTasks.push(Math.round(e.startTime) + ' +' + Math.round(e.duration))))"
                    + ".observe({ type: 'longtask', buffered: true });"
                    + "window.__drawnAt = null; let seen = false; const observer = new MutationObserver(() => {"
                    + " const c = document.getElementById('count');"
                    + " if (seen || !c || !c.dataset.mode || !document.querySelector('.cluster-icon, .camera-icon')) return;"
                    + " seen = true; observer.disconnect();"
                    + " requestAnimationFrame(() => setTimeout(() => { window.__drawnAt = Math.round(performance.now()); })); });"
                    + "observer.observe(document, { subtree: true, childList: true, attributes: true });");
            Page page = context.newPage();
            AtomicLong bytes = new AtomicLong();
            page.onRequestFinished((Request r) -> {
                if (r.url().startsWith(base)) {
                    try {
                        bytes.addAndGet(r.sizes().responseBodySize + r.sizes().responseHeadersSize);
                    } catch (PlaywrightException closing) {
                        // a request that ends while the context closes, after the figures were printed
                    }
                }
            });
            long start = System.nanoTime();
            page.navigate(base + "/#map=" + view[1], new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            page.waitForFunction("() => window.__drawnAt !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(10));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!report) {
                return;
            }
            String mode = (String) page.evaluate("() => document.getElementById('count').dataset.mode");
            Object markers = page.evaluate("() => document.querySelectorAll('.cluster-icon, .camera-icon').length");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            // Where the time went: the page and its modules, then each data request (start + duration, ms).
            Object loaded = page.evaluate("() => Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)");
            Object data = page.evaluate("() => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/cameras'))"
                    + ".map(e => (new URL(e.name).pathname.endsWith('/clusters') ? 'clusters' : 'cameras') + ' at ' + Math.round(e.startTime) + ' +'"
                    + " + Math.round(e.duration)).join(', ')");
            Object drawnAt = page.evaluate("() => window.__drawnAt");
            Object longTasks = page.evaluate("() => window.__longTasks.filter((t) => parseInt(t) < window.__drawnAt).join(', ')");
            System.out.printf("| %s | %d | %s | %d | %s %s markers | %,d | %s | %s | %s |%n", view[0], round, drawnAt, ms, markers, mode,
                    bytes.get(), loaded, data, longTasks);
        }
    }
}
