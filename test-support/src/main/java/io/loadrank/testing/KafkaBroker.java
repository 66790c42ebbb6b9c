package io.loadrank.testing;

import io.loadrank.kafka.TopicCreator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft) for integration tests, run through {@code scripts/kafka.sh}
 * exactly as a user runs it, on free ports, with its data under a run directory the test owns.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start(tempDir)) {
 *     kafka.createTopics(Map.of("samples", 2));
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * {@link #startSecure(Path)} starts it as {@code kafka.sh start --secure} does (SASL_SSL with SCRAM-SHA-512 and
 * ACLs), {@link #startSecureWithExpiredCertificate(Path)} the same with an expired broker certificate;
 * {@link #clientConfig(String)} gives a user's client properties.
 * The script's own output is appended to {@code <runDir>/kafka-script.log} ({@link ServerScript}); the broker's log is
 * {@link #brokerLog()}. The broker is stopped by its process id; a shutdown hook kills it should the
 * test JVM end without closing it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    /** the script waits up to KAFKA_START_TIMEOUT (120 s) itself; resolving the artifacts may add to it */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;

    private final Path runDir;
    private final int port;
    private final int controllerPort;
    private final boolean secure;
    private final ServerScript script;
    private long pid;
    private Thread killOnExit;

    private KafkaBroker(Path runDir, int port, int controllerPort, boolean secure, boolean expiredCertificate) {
        this.runDir = runDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.secure = secure;
        this.script = new ServerScript(
                "kafka.sh",
                runDir,
                runDir.resolve("kafka-script.log"),
                Map.of(
                        "KAFKA_PORT",
                        Integer.toString(port),
                        "KAFKA_CONTROLLER_PORT",
                        Integer.toString(controllerPort),
                        "KAFKA_CERT_EXPIRED",
                        expiredCertificate ? "1" : "0"));
    }

    /**
     * Starts a broker on free ports with LOADRANK_RUN_DIR={@code runDir}; returns once it answers metadata
     * requests. A free port can be taken by someone else before the broker binds it, so a start that
     * finds its ports in use is retried on new ones.
     *
     * @throws IllegalStateException if the broker does not start, with the tail of the script's log
     */
    public static KafkaBroker start(Path runDir) {
        return start(runDir, false, false);
    }

    /**
     * Starts a secured broker as {@code kafka.sh start --secure} does: SASL_SSL (SCRAM-SHA-512 over TLS) on
     * {@link #bootstrapServers()}, ACLs on, users admin, producer, topology, balancer and view.
     */
    public static KafkaBroker startSecure(Path runDir) {
        return start(runDir, true, false);
    }

    /**
     * Starts a secured broker as {@link #startSecure(Path)} does, but whose certificate expired days ago
     * ({@code KAFKA_CERT_EXPIRED=1}): every client that trusts the CA ({@link #clientConfig(String)}) fails its TLS
     * handshake. The broker and the script's own admin client trust the certificate itself, so the broker starts and
     * gets its ACLs; {@link #createTopics(Map)} cannot work on it.
     */
    public static KafkaBroker startSecureWithExpiredCertificate(Path runDir) {
        return start(runDir, true, true);
    }

    private static KafkaBroker start(Path runDir, boolean secure, boolean expiredCertificate) {
        Path absoluteRunDir = runDir.toAbsolutePath().normalize();
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int[] ports = FreePorts.several(2);
            KafkaBroker broker = new KafkaBroker(absoluteRunDir, ports[0], ports[1], secure, expiredCertificate);
            try {
                broker.launch();
                return broker;
            } catch (PortInUseException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** host:port for bootstrap.servers, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker (client) port. */
    public int port() {
        return port;
    }

    /** The KRaft controller port. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The broker's process id (it changes with {@link #restart()}). */
    public long pid() {
        return pid;
    }

    /** True while the broker's process is alive. */
    public boolean isRunning() {
        return Processes.isAlive(pid);
    }

    /** The broker's own directory: data, server.properties, kafka.log, kafka.pid. */
    public Path brokerDir() {
        return runDir.resolve("kafka-" + port);
    }

    /** True if started by {@link #startSecure(Path)} or {@link #startSecureWithExpiredCertificate(Path)}. */
    public boolean secure() {
        return secure;
    }

    /** The client properties file of {@code user} on a secured broker (it names the password file). */
    public Path clientPropertiesFile(String user) {
        requireSecure();
        return brokerDir().resolve("security").resolve(user + ".properties");
    }

    /**
     * The Kafka client properties of {@code user} (admin, producer, topology, balancer, view) on a secured broker,
     * as the file {@link #clientPropertiesFile(String)} has them (the password read through FileConfigProvider),
     * bootstrap servers included; on a plaintext broker only the bootstrap servers.
     */
    public Map<String, String> clientConfig(String user) {
        Map<String, String> config = new LinkedHashMap<>();
        if (secure) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(clientPropertiesFile(user), StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the client properties of " + user, e);
            }
            file.stringPropertyNames().forEach(name -> config.put(name, file.getProperty(name)));
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** The generated password of {@code user} (or "controller", "keystore") of a secured broker: for tests only. */
    public String password(String user) {
        requireSecure();
        Path file = brokerDir().resolve("security").resolve("secrets").resolve(user + ".password");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("password="))
                    .map(line -> line.substring("password=".length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no password in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file, e);
        }
    }

    /** Every generated secret of a secured broker: the users', the controller's and the key store's passwords. */
    public List<String> secrets() {
        return List.of("admin", "producer", "topology", "balancer", "view", "controller", "keystore").stream()
                .map(this::password)
                .toList();
    }

    /** The throwaway CA's certificate (PEM), which clients trust. */
    public Path caCertificate() {
        requireSecure();
        return brokerDir().resolve("security").resolve("ca.pem");
    }

    private void requireSecure() {
        if (!secure) {
            throw new IllegalStateException("kafka on " + bootstrapServers() + " is not secured");
        }
    }

    /** The broker's log file. */
    public Path brokerLog() {
        return brokerDir().resolve("kafka.log");
    }

    /**
     * The text of every log under the run directory (read as ISO-8859-1, so any byte reads): the broker's, the
     * script's, and keytool's, the readiness check's and the ACL tool's of a secured broker; not the data or the
     * secret files. For a test's search for secrets.
     */
    public List<String> logs() {
        try (Stream<Path> files = Files.walk(runDir)) {
            List<String> logs = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".log"))
                    .toList()) {
                logs.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logs under " + runDir, e);
        }
    }

    /**
     * Creates the topics (name to partition count, one replica), leaving existing ones as they are,
     * and returns once every partition has a leader and has taken a write ({@link TopicCreator}), so
     * that a producer sending at once cannot lose its first batch.
     */
    public void createTopics(Map<String, Integer> topicPartitions) {
        List<TopicCreator.TopicSpec> topics = new ArrayList<>();
        topicPartitions.forEach((name, partitions) -> topics.add(TopicCreator.TopicSpec.of(name, partitions)));
        createTopics(topics);
    }

    /** Creates the topics as {@link #createTopics(Map)} does, compacted ones included. */
    public void createTopics(List<TopicCreator.TopicSpec> topics) {
        Map<String, Object> client = new HashMap<>(clientConfig("admin"));
        try (Admin admin = Admin.create(adminConfig());
                Producer<byte[], byte[]> probe = TopicCreator.probeProducer(client)) {
            new TopicCreator(admin, probe, (short) 1, TOPICS_TIMEOUT).create(topics);
        }
    }

    /** Stops the broker (TERM, then KILL) and waits until its process is gone; does nothing if stopped. */
    public void stop() {
        if (pid == 0) {
            return;
        }
        ServerScript.Result result = runScript("stop");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kafka.sh stop failed (exit " + result.exitCode() + ") for "
                    + bootstrapServers() + "; last lines of " + script.log() + ":\n" + script.logTail());
        }
        Await.until(EXIT_TIMEOUT, "kafka process " + pid + " to exit", () -> !isRunning());
        Processes.forgetOnExit(killOnExit);
        killOnExit = null;
        LOG.info("kafka on {} stopped (pid {})", bootstrapServers(), pid);
        pid = 0;
    }

    /** Stops the broker and starts it again on the same ports with the same data. */
    public void restart() {
        stop();
        startAgain();
    }

    /**
     * Kills the broker with SIGKILL, as a crash or the kernel's OOM killer would: no clean shutdown,
     * no flush. Returns once its process is gone; {@link #startAgain()} starts it on the same data.
     */
    public void kill() {
        if (pid == 0) {
            return;
        }
        long killed = pid;
        ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
        Await.until(EXIT_TIMEOUT, "kafka process " + killed + " to die", () -> !isRunning());
        Processes.forgetOnExit(killOnExit);
        killOnExit = null;
        LOG.info("kafka on {} killed (pid {})", bootstrapServers(), killed);
        pid = 0;
    }

    /** Starts a stopped or killed broker again on the same ports with the same data; returns once it answers. */
    public void startAgain() {
        if (pid != 0) {
            throw new IllegalStateException("kafka on " + bootstrapServers() + " is running (pid " + pid + ")");
        }
        try {
            launch();
        } catch (PortInUseException e) {
            throw new IllegalStateException(
                    "cannot start kafka again on " + bootstrapServers() + ": its port was taken while it was down", e);
        }
    }

    /** Stops the broker and checks that its process is gone. */
    @Override
    public void close() {
        long lastPid = pid;
        stop();
        if (Processes.isAlive(lastPid)) {
            throw new AssertionError("kafka process " + lastPid + " is still alive after stop");
        }
    }

    private void launch() {
        long started = System.nanoTime();
        ServerScript.Result result = secure ? runScript("start", "--secure") : runScript("start");
        if (result.exitCode() != 0) {
            String message = "kafka.sh start failed (exit " + result.exitCode() + ") for " + bootstrapServers()
                    + "; last lines of " + script.log() + ":\n" + script.logTail();
            boolean portTaken = result.output().contains("in use by another process")
                    || result.output().contains("Address already in use");
            throw portTaken ? new PortInUseException(message) : new IllegalStateException(message);
        }
        pid = Processes.readPid(brokerDir().resolve("kafka.pid"), "kafka");
        LOG.info(
                "kafka ready on {} (pid {}, {} ms, dir {})",
                bootstrapServers(),
                pid,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                brokerDir());
        killOnExit = Processes.killOnExit("kafka", List.of(pid));
    }

    private ServerScript.Result runScript(String... arguments) {
        return script.run(SCRIPT_TIMEOUT, "port " + port, arguments);
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.putAll(clientConfig("admin"));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    /** kafka.sh found a chosen port taken: start again on new ports. */
    private static final class PortInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message) {
            super(message);
        }
    }
}
