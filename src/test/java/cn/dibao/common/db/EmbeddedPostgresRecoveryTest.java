package cn.dibao.common.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A JVM killed with kill -9 leaves its PostgreSQL running on the data directory. The next start
 * on that directory must stop the orphan and come up with the committed data, without a manual step.
 */
class EmbeddedPostgresRecoveryTest {

    private static final Pattern READY = Pattern.compile("^READY (\\d+)$");
    private static final Duration FIRST_START = Duration.ofSeconds(150);   // includes initdb
    private static final Duration RECOVERY_START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theNextStartTakesOverFromAnOrphanedServer() throws Exception {
        Path dataDir = Path.of(System.getProperty("basedir", "."), "target",
                "pg-recovery-" + System.currentTimeMillis()).toAbsolutePath();
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<Child> children = new ArrayList<>();
        Set<Long> postgresPids = new LinkedHashSet<>();
        try {
            Child first = Child.start(dataDir);
            children.add(first);
            int firstPort = first.awaitReady(FIRST_START);
            postgresPids.add(postmasterPid(pidFile));
            try (Connection c = connect(firstPort); Statement s = c.createStatement()) {
                // the app's cluster is durable although zonky starts every postmaster with -F (fsync off)
                for (String setting : List.of("fsync", "full_page_writes", "synchronous_commit")) {
                    try (ResultSet rs = s.executeQuery("show " + setting)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
                s.execute("create table crash_probe (id int primary key, note text not null)");
                s.execute("insert into crash_probe values (1, '断电前写入')");
            }

            first.process.destroyForcibly();
            assertThat(first.process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("first JVM killed").isTrue();

            assertThat(pidFile).as("the killed JVM left postmaster.pid behind").exists();
            long orphanPid = postmasterPid(pidFile);
            postgresPids.add(orphanPid);
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .as("postgres pid %d outlived its JVM", orphanPid).isPresent();

            Child second = Child.start(dataDir);
            children.add(second);
            int secondPort = second.awaitReady(RECOVERY_START);
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .as("the orphan was stopped").isEmpty();
            long secondPid = postmasterPid(pidFile);
            postgresPids.add(secondPid);
            assertThat(secondPid).isNotEqualTo(orphanPid);

            try (Connection c = connect(secondPort); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select note from crash_probe where id = 1")) {
                assertThat(rs.next()).as("the committed row survived").isTrue();
                assertThat(rs.getString(1)).isEqualTo("断电前写入");
            }

            // A normal stop (SIGTERM) takes the server down with the JVM.
            second.process.destroy();
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("second JVM stopped").isTrue();
            long deadline = System.nanoTime() + STOP.toNanos();
            while (isAlive(secondPid) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(isAlive(secondPid)).as("postgres pid %d stopped with its JVM", secondPid).isFalse();
            assertThat(pidFile).as("a clean stop removes postmaster.pid").doesNotExist();
        } finally {
            Thread.interrupted();   // let the clean-up wait even after a timeout
            for (Child child : children) {
                child.kill();
            }
            readPid(pidFile).ifPresent(postgresPids::add);
            for (long pid : postgresPids) {
                stopPostgres(pid);
            }
            deleteRecursively(dataDir);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static long postmasterPid(Path pidFile) throws IOException {
        return readPid(pidFile).orElseThrow(() -> new AssertionError("no pid in " + pidFile));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops a postgres this test started, if it still runs: SIGTERM, then SIGKILL. */
    private static void stopPostgres(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle p = handle.get();
        p.destroy();
        try {
            p.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover under target/ does no harm
                }
            });
        } catch (IOException ignored) {
            // idem
        }
    }

    /** A child JVM running {@link EmbeddedPostgresServer#main} on the data directory. */
    private static final class Child {

        final Process process;
        final CompletableFuture<Integer> ready = new CompletableFuture<>();
        final List<String> output = Collections.synchronizedList(new ArrayList<>());

        private Child(Process process) {
            this.process = process;
        }

        static Child start(Path dataDir) throws IOException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classpath,
                    EmbeddedPostgresServer.class.getName(), dataDir.toString())
                    .redirectErrorStream(true)
                    .start();
            Child child = new Child(process);
            Thread reader = new Thread(child::drain, "child-jvm-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            return child;
        }

        private void drain() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = READY.matcher(line.trim());
                    if (m.matches()) {
                        ready.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            } finally {
                ready.completeExceptionally(new IllegalStateException("child JVM ended before READY"));
            }
        }

        int awaitReady(Duration timeout) throws Exception {
            try {
                return ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                List<String> lines;
                synchronized (output) {
                    lines = List.copyOf(output.subList(Math.max(0, output.size() - 40), output.size()));
                }
                return fail("no READY within " + timeout + " (" + e.getMessage() + "); last output:\n"
                        + String.join("\n", lines));
            }
        }

        void kill() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
