package io.loadrank.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces files atomically (docs/OUTPUT.md): the content goes to a temporary file in the same
 * directory, which is then renamed over the target. A reader sees the old file or the new one,
 * never an empty or half-written one.
 */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    // createTempFile's default permissions are owner-only; ranking files are for every operator
    private static final FileAttribute<?>[] READABLE_BY_ALL =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))};

    private static Path createTemporary(Path directory, String name) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return Files.createTempFile(directory, "." + name, ".tmp", posix ? READABLE_BY_ALL : new FileAttribute<?>[0]);
    }

    /** Writes {@code text} to {@code target} atomically, in UTF-8. */
    public static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /**
     * Writes {@code content} to {@code target} atomically, in UTF-8, creating the directory if it
     * is missing (an operator may have removed it; rankings resume once it can be created).
     */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = createTemporary(directory, target.getFileName().toString());
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                    StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically; "
                        + "choose an output directory on a local file system", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
