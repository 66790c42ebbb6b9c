package io.loadrank.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, so tests can run its scripts the way a user does. */
public final class RepoPaths {

    /** Set by failsafe (see pom.xml) to the directory the build was started in. */
    public static final String REPO_PROPERTY = "loadrank.repo";

    private static final String MARKER = "scripts/kafka.sh";

    private RepoPaths() {}

    /**
     * The repository root: the {@value #REPO_PROPERTY} system property if it names a directory holding
     * {@value #MARKER}, else the first directory from user.dir upwards that holds it.
     */
    public static Path root() {
        String configured = System.getProperty(REPO_PROPERTY);
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the loadrank repository: " + REPO_PROPERTY + "=" + configured
                + " and no directory from " + start + " upwards holds " + MARKER);
    }

    /** A script under scripts/, e.g. {@code script("kafka.sh")}. */
    public static Path script(String name) {
        Path script = root().resolve("scripts").resolve(name);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no script " + script);
        }
        return script;
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }
}
