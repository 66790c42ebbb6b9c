package io.loadrank.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the files of one emit weigh: every ranking file in the output directory, one version each. */
final class OutputBytes {

    private OutputBytes() {}

    /**
     * The bytes of the ranking files ({@code .txt} and {@code .json}) in {@code directory}; a file
     * being replaced counts once, its temporary copy (a name starting with a dot) not at all.
     */
    static long ofDirectory(Path directory) throws IOException {
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".json"))) {
                    try {
                        bytes += Files.size(file);
                    } catch (java.nio.file.NoSuchFileException e) {
                        // removed since it was listed (a slice that left): not part of this emit
                    }
                }
            }
        }
        return bytes;
    }
}
