package io.loadrank.output;

import io.loadrank.log.OutageTracker;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ranking files into the output directory, atomically, and reports trouble the way an
 * operator wants it (docs/OUTPUT.md, "Write errors"): one error line with the cause when writing starts to fail
 * (directory missing and not creatable, replaced by a file, disk full, not writable), one line when
 * it works again, and nothing in between but a count, so a broken disk does not also fill the log.
 * The writers of one directory in a JVM (a topic ranking bolt per topic and the global one) share
 * one {@link OutageTracker} keyed by file name, so an outage is one error line, not one per bolt: it
 * starts at the first failed write while every file was fine and ends once every file that failed
 * meanwhile has been written again.
 *
 * <p>Temporary files of a write that could not finish (the directory became unwritable between
 * creating and renaming it, or the JVM was killed in the middle) are removed by the next
 * successful write of the same file.
 */
public final class RankingFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RankingFileWriter.class);
    private static final ConcurrentMap<Path, OutageTracker<String>> OUTAGES = new ConcurrentHashMap<>();

    private final Path directory;
    private final OutageTracker<String> outage;
    /** Files whose leftover temporaries are to be removed at their next successful write. */
    private final Set<String> toSweep = new HashSet<>();

    private final Set<String> written = new HashSet<>();
    private long failedWrites;
    private long refusedNames;

    public RankingFileWriter(Path directory) {
        this.directory = directory;
        this.outage = OUTAGES.computeIfAbsent(directory.toAbsolutePath().normalize(), dir -> new OutageTracker<>());
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
            toSweep.add(fileName);
            if (outage.failed(fileName, System.currentTimeMillis()).begins()) {
                LOG.error(
                        "cannot write ranking files in {}: {} (writing {}); rankings are not published until the "
                                + "directory can be written again, which is logged once",
                        directory,
                        describe(e),
                        fileName,
                        e);
            }
            return false;
        }
        // the first write of a file since start sweeps what a killed predecessor may have left
        if (written.add(fileName) || toSweep.remove(fileName)) {
            sweep(fileName);
        }
        outage.succeeded(fileName, System.currentTimeMillis())
                .ifPresent(ended -> LOG.warn(
                        "ranking files in {} are written again ({} writes failed meanwhile)",
                        directory,
                        ended.failures()));
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
        LOG.error(
                "refusing ranking file name '{}': not a plain file name in {} ({} refused since start)",
                fileName == null ? "null" : io.loadrank.message.WireFormat.printable(fileName, 0, fileName.length()),
                directory,
                refusedNames);
    }

    /** How many file names were refused since start (always 0 unless a bug lets input choose one). */
    public long refusedNames() {
        return refusedNames;
    }

    private void sweep(String fileName) {
        try {
            int removed = AtomicFiles.deleteTemporaries(directory, fileName);
            if (removed > 0) {
                LOG.info(
                        "removed {} temporary file(s) of {} left by an unfinished write",
                        removed,
                        directory.resolve(fileName));
            }
        } catch (IOException e) {
            LOG.warn(
                    "cannot remove the temporary files of {} left by an unfinished write: {}",
                    directory.resolve(fileName),
                    e.toString());
        }
    }

    /** The cause for the log line: the message of our own and of plain I/O errors, else the exception's name too. */
    private static String describe(Exception e) {
        boolean messageSaysIt =
                e instanceof IOException && !(e instanceof FileSystemException) && e.getMessage() != null;
        return messageSaysIt ? e.getMessage() : e.toString();
    }

    /** How many writes of this writer have failed since start. */
    public long failedWrites() {
        return failedWrites;
    }
}
