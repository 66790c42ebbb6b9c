package io.loadrank.output;

import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.SliceScores;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceRecordFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the slice rankings (docs/DATACENTERS.md): {@code GlobalRankings-<slice>.txt} and
 * {@code .json}, one pair per slice with hosts in the window, written atomically through the
 * {@link RankingFileWriter}; the pair of a slice that has no host left is removed. The hosts without
 * host info have no pair: they are in the fleet files. {@code <slice>} is
 * {@link Slice#fileName}: the datacenter name while one cluster is in play, else a name made from
 * cluster and datacenter that no input can turn into a path; the writer checks it stays in the
 * directory.
 *
 * <p>The .txt is in the format of GlobalRankings.txt with the scores within the slice; the .json is
 * the slice's record on the rankings topic, whole ({@link SliceRecordFormat}).
 *
 * <p>The pairs left by an earlier run are found in the directory at the first publication, so a
 * slice that is gone after a restart loses its files too.
 */
public final class SliceRankingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SliceRankingFiles.class);

    static final String PREFIX = "GlobalRankings-";
    static final String TEXT = ".txt";
    static final String JSON = ".json";

    private final RankingFileWriter files;
    /** The {@code <slice>} names whose files exist (as far as this knows); null until the first publication. */
    private Set<String> written;

    public SliceRankingFiles(RankingFileWriter files) {
        this.files = files;
    }

    /** The name of the text file of the slice named {@code name} ({@link Slice#fileName}). */
    public static String textFile(String name) {
        return PREFIX + name + TEXT;
    }

    /** The name of the JSON file of the slice named {@code name}. */
    public static String jsonFile(String name) {
        return PREFIX + name + JSON;
    }

    /** The slice name of a file of this class, or null for any other file name. */
    static String sliceOf(String fileName) {
        String suffix = fileName.endsWith(TEXT) ? TEXT : fileName.endsWith(JSON) ? JSON : null;
        if (suffix == null || !fileName.startsWith(PREFIX)) {
            return null;
        }
        String name = fileName.substring(PREFIX.length(), fileName.length() - suffix.length());
        return name.isEmpty() ? null : name;
    }

    /**
     * Writes the pair of every slice of {@code ranking} with host info and removes the pairs of the
     * others.
     *
     * @param records the slices of {@code ranking} as {@link SliceRecords#of} made them, rendered, same
     *                order: the rows the rankings topic carries, joined here into one value; the entry
     *                of the hosts without host info, which have no files, is not read (may be null)
     */
    public void publish(GlobalRanking ranking, List<SliceRecordFormat.Rendered> records) {
        if (written == null) {
            written = existing(files.directory());
        }
        boolean severalClusters = ranking.slices().stream()
                        .filter(slice -> !slice.slice().unplaced())
                        .map(slice -> String.valueOf(slice.slice().cluster()))
                        .distinct()
                        .count()
                > 1;
        Set<String> now = new HashSet<>();
        for (int i = 0; i < ranking.slices().size(); i++) {
            SliceScores slice = ranking.slices().get(i);
            if (slice.slice().unplaced()) {
                continue;
            }
            String name = slice.slice().fileName(severalClusters);
            SliceRecordFormat.Rendered record = records.get(i);
            now.add(name);
            files.write(textFile(name), out -> RankingText.writeSlice(slice, out));
            files.write(jsonFile(name), out -> out.write(record.whole()));
        }
        for (String gone : written) {
            if (!now.contains(gone)) {
                boolean removed = files.delete(textFile(gone)) & files.delete(jsonFile(gone));
                LOG.info(
                        "slice {} has no host in the window any more: its ranking files {}",
                        gone,
                        removed ? "are removed" : "could not all be removed");
            }
        }
        written = now;
    }

    /** The slice names that have files in {@code directory} now. */
    static Set<String> existing(Path directory) {
        Set<String> found = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path entry : entries) {
                String name = sliceOf(entry.getFileName().toString());
                if (name != null) {
                    found.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            // no directory yet: no files either
        } catch (IOException e) {
            LOG.warn("cannot list {} for the ranking files of an earlier run: {}", directory, e.toString());
        }
        return found;
    }
}
