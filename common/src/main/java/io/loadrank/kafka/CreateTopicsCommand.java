package io.loadrank.kafka;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code create-topics}: creates topics with {@link TopicCreator} and exits once every partition
 * takes a write. scripts/kafka.sh runs it; exit 0 when ready, 1 when not, 2 on bad usage ({@link Cli}).
 */
@Command(
        name = "create-topics",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = LoadrankVersion.class,
        description = "Creates Kafka topics (existing ones are kept) and returns only when every partition "
                + "has a leader and has taken a write, so the first batch a producer sends cannot be lost.")
public final class CreateTopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaToolOptions kafka;

    @Option(
            names = "--partitions",
            defaultValue = "1",
            paramLabel = "N",
            description = "partitions of each new topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(
            names = "--replication-factor",
            defaultValue = "1",
            paramLabel = "N",
            description = "replicas of each new topic (default: ${DEFAULT-VALUE})")
    short replicationFactor;

    @Option(
            names = "--compacted",
            paramLabel = "TOPIC",
            description = "a topic to create compacted (cleanup.policy=compact), e.g. the host-info topic; repeatable")
    List<String> compacted = new ArrayList<>();

    @Option(
            names = "--timeout-secs",
            defaultValue = "60",
            paramLabel = "S",
            description = "give up after this long (default: ${DEFAULT-VALUE})")
    int timeoutSecs;

    @Parameters(paramLabel = "TOPIC", arity = "0..*", description = "topics with the default cleanup policy")
    List<String> topics = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(Cli.execute(new CreateTopicsCommand(), args));
    }

    @Override
    public Integer call() {
        checkUsage();
        List<TopicCreator.TopicSpec> specs = new ArrayList<>();
        topics.forEach(topic -> specs.add(new TopicCreator.TopicSpec(topic, partitions, false)));
        compacted.forEach(topic -> specs.add(new TopicCreator.TopicSpec(topic, partitions, true)));
        Map<String, Object> client = kafka.clientProperties();
        Map<String, Object> adminOnly = new HashMap<>(client);
        adminOnly.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminOnly.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(adminOnly);
                Producer<byte[], byte[]> probe = TopicCreator.probeProducer(client)) {
            new TopicCreator(admin, probe, replicationFactor, Duration.ofSeconds(timeoutSecs)).create(specs);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** The checks picocli cannot make alone; a {@link UsageException} exits 2 like a bad option. */
    private void checkUsage() {
        if (topics.isEmpty() && compacted.isEmpty()) {
            throw new UsageException("name at least one topic");
        }
        OptionValues.inRange("--partitions", partitions, 1, 10_000);
        OptionValues.inRange("--replication-factor", replicationFactor, 1, Short.MAX_VALUE);
        OptionValues.inRange("--timeout-secs", timeoutSecs, 1, Integer.MAX_VALUE);
    }
}
