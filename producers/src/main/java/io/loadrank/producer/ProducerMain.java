package io.loadrank.producer;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;

/**
 * {@code java -jar loadrank-producer.jar --config producer.properties [--key=value]...}: runs
 * the JMX producer until SIGTERM/Ctrl-C (exit 0, after sending what is buffered), or exits with
 * code 2 on a bad configuration or refused JMX credentials.
 */
public final class ProducerMain {

    private ProducerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(List.of(args), System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(ConfigKey.help());
            return 0;
        }
        ProducerConfig config;
        try {
            config = ProducerConfig.parse(args, env, ProducerConfig::canonicalHostName);
        } catch (ConfigException e) {
            err.println("loadrank producer: " + e.getMessage());
            return ProducerApp.EXIT_BAD_CONFIG;
        }
        if (config.jmxTrustStore() != null) {
            // the RMI stub's TLS sockets use the JVM's default SSL context, configured by these
            System.setProperty("javax.net.ssl.trustStore", config.jmxTrustStore().toString());
            if (config.jmxTrustStorePassword() != null) {
                System.setProperty("javax.net.ssl.trustStorePassword", config.jmxTrustStorePassword());
            }
        }
        ProducerApp app = ProducerApp.toKafka(config);
        Thread hook = new Thread(() -> {
            app.close();
            LogManager.shutdown(); // our log4j2.xml turns Log4j's own hook off, so the lines above get written
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        app.start();
        int code = app.awaitExit();
        if (code != 0) {
            // ended by itself (not by a signal): stop cleanly, then let main exit with the code
            Runtime.getRuntime().removeShutdownHook(hook);
            app.close();
            LogManager.shutdown();
        }
        return code;
    }
}
