package io.loadrank.producer;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.SettingOptions;
import io.loadrank.cli.UsageException;
import io.loadrank.config.ConfigException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The producer's command line: {@code --config FILE} and one option per configuration key
 * ({@code --KEY=VALUE} or {@code --KEY VALUE}), made from {@link ProducerSettings} so that the keys, their
 * defaults and their help are defined once. Values are strings here; {@link ProducerConfig} checks
 * them, after merging them over the properties file.
 */
@Command(
        name = "loadrank-producer",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        usageHelpAutoWidth = true,
        customSynopsis = "java -jar loadrank-producer.jar [--config FILE] [--KEY=VALUE | --KEY VALUE]... [--help]",
        description = {
            "Reads five metrics from the local Cassandra over JMX every interval and sends them to Kafka as "
                    + "'host,value,epochMillis', one topic per metric. Keys are read from the properties file given "
                    + "with --config, then from the command line (which wins). Keys and defaults:",
            ""
        },
        exitCodeList = {
            "143:stopped by SIGTERM (the JVM's exit for a signal; what is buffered is sent first)",
            "130:stopped by Ctrl-C",
            "2:bad usage, a bad configuration, JMX credentials refused, or a host name that names no host",
            "3:Kafka refuses the producer (credentials, certificate, a missing WRITE ACL)"
        })
final class ProducerCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "the properties file with the keys below (key=value lines); without it, the defaults")
    String configFile;

    private final Map<String, String> env;
    private final Supplier<String> canonicalHostName;
    private final ToIntFunction<ProducerConfig> producer;
    private CommandLine commandLine;

    /**
     * @param env               the environment (passwords come from variables named in the config)
     * @param canonicalHostName computes the default host name; called only when {@code host} is not set
     * @param producer          runs the producer with the checked configuration; its exit code
     */
    ProducerCommand(
            Map<String, String> env, Supplier<String> canonicalHostName, ToIntFunction<ProducerConfig> producer) {
        this.env = env;
        this.canonicalHostName = canonicalHostName;
        this.producer = producer;
    }

    /** This command's command line: {@link Cli}'s conventions plus an option for every configuration key. */
    CommandLine commandLine() {
        if (commandLine == null) {
            commandLine = Cli.commandLine(this);
            Cli.environment(
                    commandLine,
                    "LOADRANK_JMX_PASSWORD: the JMX password (the variable jmx.password.env names)",
                    "LOADRANK_JMX_TRUSTSTORE_PASSWORD: the JMX trust store's password (jmx.ssl.truststore.password.env)",
                    "HOSTNAME: the host name, when the machine's own cannot be looked up (--host wins)");
            SettingOptions.add(commandLine, ProducerSettings.ALL, key -> {
                String shown = ProducerSettings.commandLineDefault(key);
                return shown.isEmpty() ? "(empty)" : shown;
            });
        }
        return commandLine;
    }

    /** The keys given on the command line, after parsing, with their values. */
    Map<String, String> overrides() {
        return SettingOptions.given(commandLine(), ProducerSettings.ALL);
    }

    /** The checked configuration of the parsed command line. */
    ProducerConfig config() {
        return ProducerConfig.from(configFile, overrides(), env, canonicalHostName);
    }

    @Override
    public Integer call() {
        ProducerConfig config;
        try {
            config = config();
        } catch (ConfigException e) {
            // the same one-line error and exit code 2 as a bad option
            throw new UsageException(e.getMessage(), e);
        }
        return producer.applyAsInt(config);
    }
}
