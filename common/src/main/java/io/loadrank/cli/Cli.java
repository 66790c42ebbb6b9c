package io.loadrank.cli;

import io.loadrank.config.ConfigException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;

/**
 * How every loadrank program reads its command line (picocli): {@code --help} and
 * {@code --version} exit 0; bad usage prints one line {@code error: <what>} and {@code try --help}
 * to stderr and exits {@link #EXIT_USAGE}, whether picocli found it (unknown option, missing or
 * unconvertible value) or the program's own checks did ({@link UsageException}).
 *
 * <p>Help texts state each default with {@code ${DEFAULT-VALUE}} in the option's description.
 */
public final class Cli {

    public static final int EXIT_OK = 0;

    private static final String ENVIRONMENT_SECTION = "environment";
    /** Bad usage or bad configuration: the same code the scripts and the producer have always used. */
    public static final int EXIT_USAGE = 2;

    private Cli() {}

    /** A picocli command line for {@code command} with loadrank's error handling and number converters. */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        // picocli says "'x' is not a long"; users know whole numbers
        commandLine.registerConverter(Long.class, text -> wholeNumber(text, Long::valueOf));
        commandLine.registerConverter(Long.TYPE, text -> wholeNumber(text, Long::valueOf));
        commandLine.registerConverter(Integer.class, text -> wholeNumber(text, Integer::valueOf));
        commandLine.registerConverter(Integer.TYPE, text -> wholeNumber(text, Integer::valueOf));
        commandLine.registerConverter(Short.class, text -> wholeNumber(text, Short::valueOf));
        commandLine.registerConverter(Short.TYPE, text -> wholeNumber(text, Short::valueOf));
        // the hand-written parsers let a repeated option's last value win, and scripts may rely on it
        commandLine.setOverwrittenOptionsAllowed(true);
        // picocli would read "@name" as a file of arguments; here it is a value like any other
        commandLine.setExpandAtFiles(false);
        helpSections(commandLine.getCommandSpec().usageMessage());
        commandLine.setParameterExceptionHandler(
                (e, args) -> usageError(e.getCommandLine().getErr(), problem(e)));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (e instanceof UsageException || e instanceof ConfigException) {
                return usageError(failed.getErr(), e.getMessage());
            }
            throw e;
        });
        return commandLine;
    }

    /**
     * Every program's --help ends with the environment variables it reads and its exit codes: the defaults here
     * (none; 0, 1, 2) unless the program's {@code @Command} lists its own exit codes or it calls
     * {@link #environment}.
     */
    private static void helpSections(UsageMessageSpec usage) {
        if (usage.exitCodeList().isEmpty()) {
            Map<String, String> codes = new LinkedHashMap<>();
            codes.put("0", "done");
            codes.put("1", "failed (the reason in one line)");
            codes.put("2", "bad usage: the option, the value and what is allowed");
            usage.exitCodeList(codes);
        }
        usage.exitCodeListHeading("%nExit codes:%n");
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        if (!keys.contains(ENVIRONMENT_SECTION)) {
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), ENVIRONMENT_SECTION);
            usage.sectionKeys(keys);
        }
        usage.sectionMap().putIfAbsent(ENVIRONMENT_SECTION, help -> environmentText("none"));
    }

    /** Sets what --help says under "Environment:", one variable a line. */
    public static void environment(CommandLine commandLine, String... lines) {
        commandLine
                .getCommandSpec()
                .usageMessage()
                .sectionMap()
                .put(ENVIRONMENT_SECTION, help -> environmentText(String.join("\n  ", lines)));
    }

    private static String environmentText(String text) {
        return "\nEnvironment:\n  " + text + "\n";
    }

    /** Parses {@code args} and runs {@code command} (a Runnable or Callable); the exit code. */
    public static int execute(Object command, String... args) {
        return commandLine(command).execute(args);
    }

    /** {@link #execute(Object, String...)} with help and errors written to {@code out} and {@code err}. */
    public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(command), out, err, args);
    }

    /** Runs a command line made by {@link #commandLine} and then extended (options added in code, say). */
    public static int execute(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * Parses {@code args} into {@code command}'s options without running it (for programs that
     * read their options into a value, and for tests); help is not printed.
     *
     * @throws UsageException for bad usage, with the message {@code execute} would print
     */
    public static <T> T parse(T command, String... args) {
        try {
            commandLine(command).parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(problem(e), e);
        }
        return command;
    }

    /** What is wrong with the command line: a value a converter refused is worded as every refused value. */
    private static String problem(ParameterException e) {
        if (e.getCause() instanceof NotAllowedConversion refusal && e.getArgSpec() instanceof OptionSpec option) {
            return UsageException.invalidValue(option.longestName(), e.getValue(), refusal.allowed())
                    .getMessage();
        }
        return e.getMessage();
    }

    /** Prints bad usage in the one style and returns {@link #EXIT_USAGE}. */
    public static int usageError(PrintWriter err, String problem) {
        // one line, even when the problem quotes a multi-line message (a YAML parser's, say)
        // (and without the "Error: " some picocli messages start with)
        err.println("error: "
                + String.valueOf(problem).strip().replaceFirst("^Error: ", "").replaceAll("\\s*\\R\\s*", "; "));
        err.println("try --help");
        err.flush();
        return EXIT_USAGE;
    }

    /** The usage text of {@code command}, as {@code --help} prints it. */
    public static String usage(Object command) {
        return commandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private interface NumberParser<N> {
        N parse(String text);
    }

    private static <N> N wholeNumber(String text, NumberParser<N> parser) {
        try {
            return parser.parse(text.trim());
        } catch (NumberFormatException e) {
            throw new NotAllowedConversion(text, "a whole number");
        }
    }
}
