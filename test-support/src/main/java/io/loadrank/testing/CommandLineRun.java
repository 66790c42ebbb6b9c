package io.loadrank.testing;

import io.loadrank.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of a program's command line through {@link Cli}, with what it printed: for the tables of
 * help, unknown-option and bad-value cases every program's tests have.
 */
public record CommandLineRun(int exitCode, String out, String err) {

    /** Runs {@code command} (a fresh picocli command object) with {@code args}. */
    public static CommandLineRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** Runs a command line made by {@link Cli#commandLine} and extended by the program. */
    public static CommandLineRun of(picocli.CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(commandLine, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** The lines of stderr. */
    public java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
