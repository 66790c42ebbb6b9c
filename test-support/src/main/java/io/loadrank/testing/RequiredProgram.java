package io.loadrank.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program a test needs on the PATH that Maven cannot bring (a browser, ...): one entry of the list
 * in scripts/test.sh, which installs the program's Debian package before it runs Maven. A test that
 * needs one calls {@link #find} at its start, so that, run without the program, it fails at once
 * with the words scripts/test.sh uses, and not minutes later inside the test.
 *
 * @param names the names the program may have on the PATH; the first is the one messages name
 * @param debianPackage the Debian package that has the program
 * @param test the test that needs it
 */
public record RequiredProgram(List<String> names, String debianPackage, String test) {

    /** The list's name in scripts/test.sh. */
    static final String LIST = "REQUIRED_PROGRAMS";

    /** One entry of the list: {@code "NAME[,NAME...] PACKAGE TEST"}, alone on its line. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*\"([^\\s\",]+(?:,[^\\s\",]+)*) (\\S+) (\\S+)\"\\s*$");

    public RequiredProgram {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a required program needs a name");
        }
    }

    /** The program the test {@code test} needs, as scripts/test.sh lists it. */
    public static RequiredProgram of(String test) {
        return all(RepoPaths.script("test.sh")).stream()
                .filter(program -> program.test.equals(test))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("scripts/test.sh lists no program for " + test + " in " + LIST));
    }

    /** Every program the list in {@code script} names, in its order. */
    static List<RequiredProgram> all(Path script) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
        List<RequiredProgram> programs = new ArrayList<>();
        boolean inList = false;
        for (String line : lines) {
            if (!inList) {
                inList = line.matches("^readonly " + LIST + "=\\($");
            } else if (line.equals(")")) {
                return programs;
            } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) {
                    throw new IllegalStateException(script + ": not an entry of " + LIST + ": " + line);
                }
                programs.add(
                        new RequiredProgram(Arrays.asList(entry.group(1).split(",")), entry.group(2), entry.group(3)));
            }
        }
        throw new IllegalStateException(script + " has no list " + LIST + "=( ... ) with its ) alone on a line");
    }

    /** The program on this JVM's PATH; fails with {@link #missingMessage} when there is none. */
    public Path find() {
        return find(System.getenv().getOrDefault("PATH", ""));
    }

    /** The program on {@code path} (directories separated as on the PATH), under the first name found. */
    Path find(String path) {
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(missingMessage());
    }

    /** What a test and scripts/test.sh say when the program is missing: the same words in both. */
    public String missingMessage() {
        return names.get(0) + " not found on the PATH: " + test + " needs it; install it with apt-get install "
                + debianPackage + " (scripts/test.sh does this when it can)";
    }
}
