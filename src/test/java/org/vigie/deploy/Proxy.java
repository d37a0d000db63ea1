package org.vigie.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The compose file's reverse proxy, run here without Docker: Debian's nginx with docker/proxy/nginx.conf
 * as it is, but for what only the containers have (the upstreams' names app1 and app2, port 80, the pid
 * file and temporary directories of a root install), which are substituted for the loopback and target/.
 * One process (master_process off, so that nginx run as root needs no user to switch to): the same
 * round robin, limits and buffering rules as in the container.
 */
final class Proxy implements AutoCloseable {

    static final Path CONFIG = Path.of("docker", "proxy", "nginx.conf");
    private static final Path DIR = Path.of("target", "proxy").toAbsolutePath();

    private final Process process;
    private final int port;

    private Proxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Debian's nginx (apt-get install nginx-light; ./dev test installs it), when present. */
    static Optional<Path> nginx() {
        return List.of("/usr/sbin/nginx", "/usr/bin/nginx").stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts nginx in front of the two instances' ports and waits until it listens. */
    static Proxy start(Path nginx, int first, int second) throws IOException, InterruptedException {
        Files.createDirectories(DIR.resolve("temp"));
        int port = freePort();
        String config = Files.readString(CONFIG);
        config = replaceOnce(config, "server app1:8080", "server 127.0.0.1:" + first);
        config = replaceOnce(config, "server app2:8080", "server 127.0.0.1:" + second);
        config = replaceOnce(config, "listen 80;", "listen 127.0.0.1:" + port + ";");
        config = replaceOnce(config, "pid /run/nginx.pid;", "pid " + DIR.resolve("nginx.pid") + ";");
        String temp = DIR.resolve("temp").toString();
        config = replaceOnce(config, "http {", "http {\n"
                + "    client_body_temp_path " + temp + "/body;\n    proxy_temp_path " + temp + "/proxy;\n"
                + "    fastcgi_temp_path " + temp + "/fastcgi;\n    uwsgi_temp_path " + temp + "/uwsgi;\n"
                + "    scgi_temp_path " + temp + "/scgi;\n");
        Path file = DIR.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(nginx.toString(), "-p", DIR.toString(), "-c", file.toString(),
                "-g", "daemon off; master_process off;")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("nginx.log").toFile()).start();
        Proxy proxy = new Proxy(process, port);
        proxy.awaitListening(Duration.ofSeconds(20));
        return proxy;
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Duration within) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped at start: " + Files.readString(DIR.resolve("nginx.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen within " + within);
    }

    /** The configuration must still hold what is substituted: a change there shows here, not as a silent miss. */
    private static String replaceOnce(String config, String what, String with) {
        int at = config.indexOf(what);
        if (at < 0 || config.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException(CONFIG + " no longer holds \"" + what + "\" once: update Proxy");
        }
        return config.replace(what, with);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
