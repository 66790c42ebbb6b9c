package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.config.ConfigException;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.message.Sample;
import io.loadrank.metric.Metric;
import io.loadrank.producer.it.Servers;
import io.loadrank.producer.it.TopicRecorder;
import io.loadrank.testing.Await;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer under faults (docs/PRODUCER.md, docs/RELIABILITY-faults.md, fault E), against one real Cassandra (with JMX
 * password authentication, shared by the tests) and one real Kafka broker.
 */
class JmxProducerFaultIT {

    private static final String HOST = "it-db-2.example.org";
    private static final String JMX_USER = "monitor";
    private static final String JMX_PASSWORD = "it-secret";
    private static final long INTERVAL_MS = 500;
    /** The same in every test: RMI timeouts are JVM-wide and fixed by the first connection. */
    private static final int JMX_TIMEOUT_MS = 2000;

    private static final List<String> TOPICS = Servers.TOPICS;

    @RegisterExtension
    static final Servers.PerClass SERVERS = Servers.perClass(JMX_USER, JMX_PASSWORD);

    private static ProducerConfig config(int jmxPort, String... more) throws ConfigException {
        List<String> args = new ArrayList<>(List.of(
                "--host=" + HOST,
                "--interval.ms=" + INTERVAL_MS,
                "--jmx.port=" + jmxPort,
                "--jmx.timeout.ms=" + JMX_TIMEOUT_MS,
                "--jmx.username=" + JMX_USER,
                "--kafka.bootstrap.servers=" + SERVERS.kafka().bootstrapServers()));
        args.addAll(List.of(more));
        return ProducerConfig.parse(args, Map.of("LOADRANK_JMX_PASSWORD", JMX_PASSWORD), () -> "unused");
    }

    @Test
    void cassandra_stopped_and_started_again_under_a_running_producer_reconnects_and_resumes() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(SERVERS.kafka().bootstrapServers(), TOPICS);
                ProducerApp producer = ProducerApp.toKafka(
                                config(SERVERS.cassandra().jmxPort()))
                        .start()) {
            // given: samples flowing
            awaitSamplesFlowing(recorder);

            // when: Cassandra stops
            SERVERS.cassandra().stop();
            long stoppedAt = System.currentTimeMillis();
            long ticksAtStop = producer.loop().ticks();
            Await.until(
                    Duration.ofSeconds(30),
                    "the producer to notice the outage",
                    () -> producer.loop().jmxDown());
            Await.until(
                    Duration.ofSeconds(30),
                    "the poll loop to keep ticking while Cassandra is down",
                    () -> producer.loop().ticks() >= ticksAtStop + 8);
            long quietUntil = System.currentTimeMillis();
            assertThat(producer.loop().jmxDown())
                    .as("still down while Cassandra is stopped")
                    .isTrue();

            // and: it starts again on the same ports with the same data
            SERVERS.cassandra().startAgain();
            long restartedAt = System.currentTimeMillis();

            // then: the producer reconnects and every JMX metric resumes
            for (String topic : List.of("cpuLoad", "pendingTasks", "readLatency", "writeLatency")) {
                Await.until(
                        Duration.ofSeconds(90),
                        topic + " samples after the restart",
                        () -> !recorder.samplesSince(topic, restartedAt).isEmpty());
            }
            assertThat(producer.loop().jmxDown()).isFalse();
            assertThat(producer.loop().jmxOutages())
                    .as("one outage, logged once")
                    .isEqualTo(1);
            // nothing was sent for what could not be read while it was down (JMX answers again a
            // while before CQL, so samples may resume before startAgain returns); memory kept flowing
            long quietFrom = stoppedAt + 2 * INTERVAL_MS;
            assertThat(recorder.samplesSince("cpuLoad", quietFrom)).noneMatch(s -> s.timestampMillis() <= quietUntil);
            assertThat(recorder.samplesSince("memLoad", quietFrom).stream()
                            .filter(s -> s.timestampMillis() <= quietUntil))
                    .hasSizeGreaterThanOrEqualTo(5);
            assertThat(recorder.malformed()).isEmpty();
            // and: the host-info record went out at start and again after the reconnect
            Await.until(
                    Duration.ofSeconds(30),
                    "a host-info record after the reconnect",
                    () -> hostInfoTimes().stream().anyMatch(time -> time >= quietUntil));
            assertThat(hostInfoTimes())
                    .as("host-info records before the outage")
                    .anyMatch(time -> time < stoppedAt);
        }
    }

    /** The record times of the host-info records of this producer's host on the hosts topic. */
    private static List<Long> hostInfoTimes() {
        java.util.Properties props = new java.util.Properties();
        props.put(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SERVERS.kafka().bootstrapServers());
        List<Long> times = new ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                        props,
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions =
                    consumer.partitionsFor("hosts", Duration.ofSeconds(10)).stream()
                            .map(p -> new org.apache.kafka.common.TopicPartition("hosts", p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (HOST.equals(record.key())) {
                        times.add(record.timestamp());
                    }
                });
            }
        }
        return times;
    }

    @Test
    void kafka_stopped_and_started_again_loses_no_buffered_sample_and_polling_never_stops() throws Exception {
        // no host info: the counts below are of samples, and host-info records share the sink's counters
        ProducerConfig config = config(SERVERS.cassandra().jmxPort(), "--topic.hosts=");
        CountingSink sink = new CountingSink(new KafkaSampleSink(config));
        long startedAt = System.currentTimeMillis();
        try (TopicRecorder recorder = new TopicRecorder(SERVERS.kafka().bootstrapServers(), TOPICS);
                ProducerApp producer = new ProducerApp(config, sink, MemInfoSource.PROC_MEMINFO).start()) {
            // given: samples flowing
            awaitSamplesFlowing(recorder);

            // when: Kafka stops for a while
            SERVERS.kafka().stop();
            long stoppedAt = System.currentTimeMillis();
            long polls = producer.loop().successfulPolls();
            Await.until(
                    Duration.ofSeconds(30),
                    "the producer to keep polling Cassandra while Kafka is down",
                    () -> producer.loop().successfulPolls() >= polls + 8);
            long restartAt = System.currentTimeMillis();
            SERVERS.kafka().restart();

            // then: the samples measured while Kafka was down arrive, and new ones follow
            Await.until(
                    Duration.ofSeconds(120),
                    "samples after Kafka's restart in every topic",
                    () -> TOPICS.stream()
                            .allMatch(t -> !recorder.samplesSince(t, restartAt + INTERVAL_MS)
                                    .isEmpty()));
            List<Long> duringOutage = recorder.samplesSince("cpuLoad", stoppedAt + INTERVAL_MS).stream()
                    .map(Sample::timestampMillis)
                    .filter(t -> t < restartAt)
                    .toList();
            assertThat(duringOutage)
                    .as("cpuLoad samples measured while Kafka was down")
                    .hasSizeGreaterThanOrEqualTo(6);
            assertThat(recorder.malformed()).isEmpty();

            // and: the producer's own count agrees: nothing lost, every sample it was given is in Kafka
            producer.close();
            sink.assertEverySampleSentOrCountedLost(recorder, startedAt);
            assertThat(sink.kafka().lost())
                    .as("samples the producer counted as lost")
                    .isZero();
        }
    }

    @Test
    void kafka_down_while_the_buffer_overflows_counts_every_sample_it_drops() throws Exception {
        // given: a producer whose buffer holds 10 samples (a second of them)
        ProducerConfig config = config(SERVERS.cassandra().jmxPort(), "--kafka.buffer.samples=10", "--topic.hosts=");
        CountingSink sink = new CountingSink(new KafkaSampleSink(config));
        long startedAt = System.currentTimeMillis();
        try (TopicRecorder recorder = new TopicRecorder(SERVERS.kafka().bootstrapServers(), TOPICS);
                ProducerApp producer = new ProducerApp(config, sink, MemInfoSource.PROC_MEMINFO).start()) {
            awaitSamplesFlowing(recorder);

            // when: Kafka is down long enough for the buffer to overflow
            SERVERS.kafka().stop();
            try {
                Await.until(
                        Duration.ofSeconds(60),
                        "samples dropped while Kafka is down",
                        () -> sink.kafka().lost() >= 10);
            } finally {
                SERVERS.kafka().startAgain();
            }
            long restartedAt = System.currentTimeMillis();
            Await.until(
                    Duration.ofSeconds(120),
                    "samples after Kafka's restart in every topic",
                    () -> TOPICS.stream()
                            .allMatch(t -> !recorder.samplesSince(t, restartedAt + INTERVAL_MS)
                                    .isEmpty()));

            // then: every sample it was given is either in Kafka or counted as lost
            producer.close();
            sink.assertEverySampleSentOrCountedLost(recorder, startedAt);
            assertThat(sink.kafka().lost())
                    .as("samples the producer counted as lost")
                    .isPositive();
        }
    }

    /** Counts the samples the poll loop hands to the Kafka sink, to hold them against what the sink says it did. */
    private static final class CountingSink implements SampleSink {
        private final KafkaSampleSink kafka;
        private final java.util.concurrent.atomic.AtomicLong given = new java.util.concurrent.atomic.AtomicLong();

        CountingSink(KafkaSampleSink kafka) {
            this.kafka = kafka;
        }

        KafkaSampleSink kafka() {
            return kafka;
        }

        @Override
        public void send(Metric metric, double value, long timestampMillis) {
            given.incrementAndGet();
            kafka.send(metric, value, timestampMillis);
        }

        @Override
        public void sendHostInfo(HostInfo info, long timestampMillis) {
            throw new AssertionError("these tests run without host info, got " + info);
        }

        @Override
        public void close() {
            kafka.close();
        }

        /** After close: given = sent + lost, and Kafka holds exactly the sent ones (those timed from {@code since}). */
        void assertEverySampleSentOrCountedLost(TopicRecorder recorder, long since) {
            assertThat(kafka.sent() + kafka.lost())
                    .as("samples sent plus counted as lost, of %d given", given.get())
                    .isEqualTo(given.get());
            Await.until(
                    Duration.ofSeconds(30),
                    kafka.sent() + " sent samples in Kafka",
                    () -> TOPICS.stream()
                                    .mapToLong(
                                            t -> recorder.samplesSince(t, since).size())
                                    .sum()
                            == kafka.sent());
        }
    }

    @Test
    void a_jmx_port_that_accepts_connections_but_never_answers_does_not_break_the_poll_rhythm() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            // given: a producer pointed at a port that accepts and then says nothing
            RecordingSink sink = new RecordingSink();
            ProducerConfig config = config(silent.port(), "--memory.source=meminfo");
            try (ProducerApp producer = new ProducerApp(config, sink, MemInfoSource.PROC_MEMINFO).start()) {
                // when: it has run for a while
                Await.until(
                        Duration.ofSeconds(30),
                        "16 ticks",
                        () -> producer.loop().ticks() >= 16);

                // then: it kept its rhythm (the host's memory went out every tick) ...
                List<Long> times = sink.sent(Metric.MEM_LOAD).stream()
                        .map(RecordingSink.Sent::timestampMillis)
                        .toList();
                assertThat(times).hasSizeGreaterThanOrEqualTo(15);
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i) - times.get(i - 1))
                            .as("gap before tick %d", i)
                            .isBetween(INTERVAL_MS / 2, INTERVAL_MS * 3 / 2);
                }
                // ... while the JMX connection attempts hung and were given up after the timeout
                assertThat(silent.accepted())
                        .as("connections the producer opened")
                        .isGreaterThanOrEqualTo(1);
                Await.until(
                        Duration.ofSeconds(JMX_TIMEOUT_MS / 1000 + 10),
                        "the hung connection to count as an outage",
                        () -> producer.loop().jmxDown());
                assertThat(producer.loop().skippedTicks())
                        .as("ticks that found the JMX poll still hung")
                        .isPositive();
                assertThat(sink.sent(Metric.CPU_LOAD)).isEmpty();
            }
        }
    }

    @Test
    void a_wrong_jmx_password_stops_the_producer_with_exit_code_2_and_a_clear_error(@TempDir Path dir)
            throws Exception {
        // given: the real producer jar, as an operator runs it, with a password Cassandra refuses
        Path jar = RepoPaths.root().resolve("producers/target/loadrank-producer.jar");
        Path output = dir.resolve("wrong-password.log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "--host=" + HOST,
                        "--jmx.port=" + SERVERS.cassandra().jmxPort(),
                        "--jmx.username=" + JMX_USER,
                        "--jmx.password.env=IT_JMX_PASSWORD",
                        "--kafka.bootstrap.servers=" + SERVERS.kafka().bootstrapServers())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("IT_JMX_PASSWORD", "not-" + JMX_PASSWORD);

        // when
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        // then
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as("exited by itself; output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", log).isEqualTo(2);
        assertThat(log)
                .contains("refused the credentials")
                .contains("jmx.username")
                .doesNotContain("not-" + JMX_PASSWORD)
                .doesNotContain(JMX_PASSWORD);
    }

    /** Accepts TCP connections on 127.0.0.1 and never writes or reads a byte: a hung JVM, as far as RMI can tell. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            server = new ServerSocket(FreePorts.one(), 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(
                    () -> {
                        try {
                            while (!server.isClosed()) {
                                held.add(server.accept());
                            }
                        } catch (IOException e) {
                            // closed by close()
                        }
                    },
                    "silent-jmx");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
            acceptor.join(5_000);
        }
    }

    /** Waits until the producer's samples reach Kafka: the state every fault here starts from. */
    private static void awaitSamplesFlowing(TopicRecorder recorder) {
        Await.until(
                Duration.ofSeconds(60),
                "cpuLoad samples",
                () -> recorder.received("cpuLoad").size() >= 3);
    }
}
