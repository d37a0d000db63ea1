package org.vigie.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSP sources ({@code 'sha256-…'}) of the inline scripts of the app's page: its import map,
 * which names Leaflet's module build for the modules that import {@code "leaflet"}. Read from the
 * page as served, at start, so that the policy follows any change to the page: the policy allows
 * exactly these scripts, never {@code 'unsafe-inline'}.
 */
final class InlineScriptHashes {

    /** The page with inline scripts, as the static resources hold it. */
    static final String PAGE = "META-INF/resources/index.html";

    /** A script element without a src attribute, and its text (what the browser hashes, byte for byte). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private InlineScriptHashes() {
    }

    /** The sources of the page's inline scripts; none when the page is not among the resources. */
    static List<String> ofPage() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            return in == null ? List.of() : of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the app's page to allow its import map", e);
        }
    }

    /** The CSP source of each inline script of {@code html}, in their order. */
    static List<String> of(String html) {
        List<String> sources = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            sources.add(source(m.group(1)));
        }
        return sources;
    }

    /** {@code 'sha256-…'} of one script's text, as CSP Level 3 defines it (UTF-8, base64). */
    static String source(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
