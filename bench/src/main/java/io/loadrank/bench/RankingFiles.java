package io.loadrank.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Opens the topology's ranking files (docs/OUTPUT.md), which are replaced atomically every emit, so that the
 * version read is the version whose modification time is reported, even if the file is replaced
 * meanwhile. Their content is parsed by common's {@link io.loadrank.rankingfile.RankingFileScan}.
 */
final class RankingFiles {

    private RankingFiles() {}

    /** One version of a file: its modification time (microsecond precision) and identity (inode). */
    record Version(long modifiedMicros, Object fileKey) {

        double modifiedMillis() {
            return modifiedMicros / 1000.0;
        }

        static Version of(BasicFileAttributes attributes) {
            return new Version(attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS), attributes.fileKey());
        }
    }

    /** The version of the file now; null if there is no file. */
    static Version version(Path file) throws IOException {
        try {
            return Version.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** An open version of a file. */
    record Opened(FileChannel channel, Version version) implements Closeable {
        @Override
        public void close() throws IOException {
            channel.close();
        }

        Reader reader() {
            return new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        }
    }

    /**
     * Opens the current version of {@code file}; null if there is no file. The file is looked at
     * before and after opening; only when both looks show the same version is the opened file
     * known to be that version (a replacement in between is retried).
     */
    static Opened open(Path file) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Version before = version(file);
            if (before == null) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            Version after = version(file);
            if (before.equals(after) && before.fileKey() != null) {
                return new Opened(channel, before);
            }
            channel.close();
        }
        throw new IOException(
                "could not read a stable version of " + file + ": it is replaced faster than it can be opened");
    }
}
