package io.loadrank.bench;

import io.loadrank.cli.Cli;
import io.loadrank.cli.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * The common end of every bench tool's main: exit status 0 on success, 2 for a bad command line
 * (common's one-line error style), 1 for a failed measurement, always with one line on stderr
 * that says what went wrong.
 */
final class BenchMain {

    static final int EXIT_FAILED = 1;

    private BenchMain() {}

    /** Runs {@code command} (a tool's picocli options, Callable) with {@code args} and exits with its status. */
    static void run(Object command, String... args) {
        System.exit(execute(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** The exit status of running {@code command} with {@code args}. */
    static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = Cli.commandLine(command);
        IExecutionExceptionHandler usage = commandLine.getExecutionExceptionHandler();
        String tool = commandLine.getCommandName();
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof UsageException) {
                return usage.handleExecutionException(e, failed, parsed);
            }
            if (e instanceof Failure) {
                failed.getErr().println(tool + ": failed: " + e.getMessage());
            } else {
                failed.getErr().println(tool + ": failed: " + e);
                e.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return EXIT_FAILED;
        });
        return Cli.execute(commandLine, out, err, args);
    }

    /** A measurement that did not succeed, with a message that says why; no stack trace needed. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
