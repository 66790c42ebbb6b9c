package io.loadrank.producer;

import io.loadrank.cli.Cli;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;

/**
 * {@code java -jar loadrank-producer.jar --config producer.properties [--key=value]...}: runs
 * the JMX producer until SIGTERM/Ctrl-C (after sending what is buffered; the exit status is then the
 * JVM's for a signal: 143 after SIGTERM, 130 after Ctrl-C), or exits with code 2 on a bad
 * configuration or refused JMX credentials, 3 when Kafka refuses it.
 */
public final class ProducerMain {

    private ProducerMain() {}

    public static void main(String[] args) {
        int code = run(List.of(args), System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Reads the command line, then runs the producer until it stops; the exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        ProducerCommand command = new ProducerCommand(env, ProducerConfig::canonicalHostName, ProducerMain::produce);
        return Cli.execute(
                command.commandLine(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args.toArray(String[]::new));
    }

    private static int produce(ProducerConfig config) {
        if (config.jmxTrustStore() != null) {
            // the RMI stub's TLS sockets use the JVM's default SSL context, configured by these
            System.setProperty(
                    "javax.net.ssl.trustStore", config.jmxTrustStore().toString());
            if (config.jmxTrustStorePassword() != null) {
                System.setProperty("javax.net.ssl.trustStorePassword", config.jmxTrustStorePassword());
            }
        }
        ProducerApp app = ProducerApp.toKafka(config);
        Thread hook = new Thread(
                () -> {
                    app.close();
                    LogManager.shutdown(); // our log4j2.xml turns Log4j's own hook off, so the lines above get written
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        app.start();
        int code;
        try {
            code = app.awaitExit();
        } catch (InterruptedException e) {
            // nothing interrupts main; if something does, exit 1 as the exception escaping main used to
            Thread.currentThread().interrupt();
            return 1;
        }
        if (code != 0) {
            // ended by itself (not by a signal): stop cleanly, then let main exit with the code
            Runtime.getRuntime().removeShutdownHook(hook);
            app.close();
            LogManager.shutdown();
        }
        return code;
    }
}
