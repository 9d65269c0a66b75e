package cn.dibao.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One embedded PostgreSQL 17 per JVM (zonky binaries from Maven Central).
 *
 * <p>With a persistent data directory the server survives restarts. A JVM killed with
 * {@code kill -9} leaves its postgres running with {@code postmaster.pid} in the data
 * directory; {@link #start} stops such an orphan before starting, so the next start
 * never needs a manual step (see docs/adr/0002-embedded-postgresql.md). A clean JVM exit
 * stops the server through zonky's shutdown hook.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the JVM's server, or returns the one already running.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away cluster (tests)
     */
    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        return start(dataDirectory, durable, "512MB");
    }

    /** As {@link #start(Path, boolean)}, with the server's shared_buffers (e.g. "512MB", "2GB"). */
    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, boolean durable, String sharedBuffers) {
        if (shared != null) {
            return shared;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    .setServerConfig("effective_cache_size", "4GB")
                    .setServerConfig("random_page_cost", "1.1")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB");
            if (durable) {
                // zonky starts the postmaster with -F (fsync off); a later -c fsync=on wins, so a power cut
                // cannot lose or corrupt committed cases and payout runs
                builder.setServerConfig("fsync", "on").setServerConfig("full_page_writes", "on")
                        .setServerConfig("synchronous_commit", "on");
            } else {
                // A throw-away test cluster: durability buys nothing, speed does.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            Path dir = null;
            if (dataDirectory != null) {
                dir = dataDirectory.toAbsolutePath().normalize();
                Files.createDirectories(dir.getParent());
                stopOrphan(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            shared = new EmbeddedPostgresServer(pg, dir);
            log.info("Embedded PostgreSQL listening on port {} (data: {})", pg.getPort(),
                    dir == null ? "temporary" : dir);
            return shared;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** The running server of this JVM, if any. */
    public static synchronized Optional<EmbeddedPostgresServer> current() {
        return Optional.ofNullable(shared);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    public static synchronized void stop() {
        if (shared == null) {
            return;
        }
        try {
            shared.postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        shared = null;
    }

    /**
     * A server left running by a killed JVM holds the data directory; stop it (SIGTERM is
     * PostgreSQL's "smart" shutdown, which completes because its clients died with the JVM).
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            log.warn("Unreadable {}; removing it", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            log.info("Stale postmaster.pid (pid {} is gone); PostgreSQL will replace it", pid);
            return;
        }
        ProcessHandle orphan = process.get();
        log.warn("PostgreSQL pid {} from an earlier run still holds {}; stopping it", pid, dataDirectory);
        orphan.destroy();
        long deadline = System.nanoTime() + ORPHAN_STOP_WAIT.toNanos();
        while (orphan.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (orphan.isAlive()) {
            log.warn("PostgreSQL pid {} ignored SIGTERM; killing it", pid);
            orphan.destroyForcibly();
            while (orphan.isAlive()) {
                sleep(100);
            }
        }
        // A clean smart shutdown removes the file itself; a forced kill leaves it behind.
        Files.deleteIfExists(pidFile);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL", e);
        }
    }

    /** For the crash test: starts a durable server on the given directory and waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = start(Path.of(args[0]), true);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
