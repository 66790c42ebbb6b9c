package io.loadrank.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ranking files into the output directory, atomically, and reports trouble the way an
 * operator wants it (docs/OUTPUT.md, "Write errors"): one error line with the cause when writing starts to fail
 * (directory missing and not creatable, disk full, not writable), one line when it works again,
 * and nothing in between but a count, so a broken disk does not also fill the log.
 */
public final class RankingFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RankingFileWriter.class);

    private final Path directory;
    private boolean failing;
    private long failedWrites;
    private long refusedNames;

    public RankingFileWriter(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes one file; true if it was written. Never throws for I/O trouble: it is logged. A name
     * that is not a plain file name directly in the directory ({@code ../x}, {@code a/b}, an
     * absolute path) is refused with an error line: no input may choose a path elsewhere.
     */
    public boolean write(String fileName, AtomicFiles.Content content) {
        Path target = fileInDirectory(fileName);
        if (target == null) {
            refused(fileName);
            return false;
        }
        try {
            AtomicFiles.write(target, content);
        } catch (IOException | RuntimeException e) {
            failedWrites++;
            if (!failing) {
                failing = true;
                LOG.error("cannot write ranking file {}: {}; rankings are not being published until it can be written",
                        target, e.toString(), e);
            }
            return false;
        }
        if (failing) {
            failing = false;
            LOG.warn("ranking files in {} are written again ({} writes failed meanwhile)", directory, failedWrites);
        }
        return true;
    }

    /**
     * Removes one file of the directory if it exists (the files of a datacenter that has no host
     * left); true if it is gone. Names are checked as in {@link #write}.
     */
    public boolean delete(String fileName) {
        Path target = fileInDirectory(fileName);
        if (target == null) {
            refused(fileName);
            return false;
        }
        try {
            Files.deleteIfExists(target);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot remove ranking file {}: {}", target, e.toString());
            return false;
        }
    }

    /**
     * The file {@code fileName} of the directory, or null if the name would resolve anywhere else:
     * it must be one plain name, not {@code .} or {@code ..}, without a separator.
     */
    Path fileInDirectory(String fileName) {
        if (fileName == null || fileName.isEmpty() || fileName.indexOf('\0') >= 0) {
            return null;
        }
        Path base = directory.toAbsolutePath().normalize();
        Path target;
        try {
            target = base.resolve(fileName).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!base.equals(target.getParent()) || !target.getFileName().toString().equals(fileName)) {
            return null;
        }
        return target;
    }

    private void refused(String fileName) {
        refusedNames++;
        LOG.error("refusing ranking file name '{}': not a plain file name in {} ({} refused since start)",
                fileName == null ? "null" : io.loadrank.message.WireFormat.printable(fileName, 0, fileName.length()),
                directory, refusedNames);
    }

    /** How many file names were refused since start (always 0 unless a bug lets input choose one). */
    public long refusedNames() {
        return refusedNames;
    }

    /** How many writes have failed since start. */
    public long failedWrites() {
        return failedWrites;
    }
}
