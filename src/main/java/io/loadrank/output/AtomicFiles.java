package io.loadrank.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    private AtomicFiles() {}

    // createTempFile's default permissions are owner-only; ranking files are for every operator
    private static final FileAttribute<?>[] READABLE_BY_ALL = {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))
    };

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
     * is missing (an operator may have removed it; rankings resume once it can be created). If the
     * write fails, its temporary file is removed when the directory still allows it (otherwise
     * {@link #deleteTemporaries} removes it later).
     *
     * @throws IOException naming the directory when it is not a directory or does not let a file be created
     */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("the output directory " + directory + " is not a directory (a file is in its place)");
        }
        Files.createDirectories(directory);
        Path temporary;
        try {
            temporary = createTemporary(directory, target.getFileName().toString());
        } catch (FileSystemException e) {
            // EACCES comes as AccessDeniedException without a reason; EPERM (immutable), EROFS, ... with one
            String reason = e.getReason() != null
                    ? e.getReason()
                    : e instanceof AccessDeniedException
                            ? "Permission denied"
                            : e.getClass().getSimpleName();
            IOException clear =
                    new IOException("the output directory " + directory + " does not let a file be created: " + reason
                            + " (read-only, immutable, or not writable by this user?)");
            clear.initCause(e);
            throw clear;
        }
        try {
            // the encoder hands on 8 KiB at a time: without the byte buffer, a ranking file of
            // 76 MB (100,000 hosts) took 9,000 writes to the file system instead of 300 (256 KiB
            // each: less than half of G1's smallest region, so not a humongous allocation)
            try (Writer out = new BufferedWriter(
                    new OutputStreamWriter(
                            new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 18),
                            StandardCharsets.UTF_8),
                    1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(
                        "the file system of " + directory + " cannot rename atomically; "
                                + "choose an output directory on a local file system",
                        e);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Deletes the temporary files that writes of {@code fileName} in {@code directory} left behind
     * (the directory became unwritable before one could be removed, or the JVM was killed in the
     * middle of a write); returns how many. Only call it while no write of that file is under way.
     */
    public static int deleteTemporaries(Path directory, String fileName) throws IOException {
        String prefix = "." + fileName;
        int deleted = 0;
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(directory, prefix + "*.tmp")) {
            for (Path temporary : temporaries) {
                String name = temporary.getFileName().toString();
                String middle = name.substring(prefix.length(), name.length() - ".tmp".length());
                if (!middle.isEmpty()
                        && middle.chars().allMatch(Character::isDigit)
                        && Files.deleteIfExists(temporary)) {
                    deleted++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return deleted;
    }
}
