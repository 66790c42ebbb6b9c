package io.loadrank.output;

import java.io.IOException;
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

    public RankingFileWriter(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Writes one file; true if it was written. Never throws for I/O trouble: it is logged. */
    public boolean write(String fileName, AtomicFiles.Content content) {
        Path target = directory.resolve(fileName);
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

    /** How many writes have failed since start. */
    public long failedWrites() {
        return failedWrites;
    }
}
