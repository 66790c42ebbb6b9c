package io.loadrank.output;

import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.scoring.DatacenterRanking;
import io.loadrank.scoring.GlobalRanking;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the datacenter rankings (docs/DATACENTERS.md): {@code GlobalRankings-<datacenter>.txt}
 * and {@code .json}, one pair per datacenter with hosts in the window, written atomically through
 * the {@link RankingFileWriter}; the pair of a datacenter that has no host left is removed. A
 * file name is only ever made from a datacenter name that passed
 * {@link HostInfoFormat#isValidLocationName}, and the writer checks it stays in the directory.
 *
 * <p>The pairs left by an earlier run are found in the directory at the first publication, so a
 * datacenter that is gone after a restart loses its files too.
 */
public final class DatacenterRankingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DatacenterRankingFiles.class);

    static final String PREFIX = "GlobalRankings-";
    static final String TEXT = ".txt";
    static final String JSON = ".json";

    private final RankingFileWriter files;
    /** The datacenters whose files exist (as far as this knows); null until the first publication. */
    private Set<String> written;

    public DatacenterRankingFiles(RankingFileWriter files) {
        this.files = files;
    }

    /** {@code GlobalRankings-<datacenter>.txt}; refuses a name that is not a valid datacenter name. */
    public static String textFile(String datacenter) {
        return PREFIX + checked(datacenter) + TEXT;
    }

    /** {@code GlobalRankings-<datacenter>.json}; refuses a name that is not a valid datacenter name. */
    public static String jsonFile(String datacenter) {
        return PREFIX + checked(datacenter) + JSON;
    }

    private static String checked(String datacenter) {
        if (!HostInfoFormat.isValidLocationName(datacenter)) {
            throw new IllegalArgumentException("not a datacenter name, never part of a file name: '"
                    + (datacenter == null
                            ? "null"
                            : io.loadrank.message.WireFormat.printable(datacenter, 0, datacenter.length()))
                    + "'");
        }
        return datacenter;
    }

    /** The datacenter a file of this class belongs to, or null for any other file name. */
    static String datacenterOf(String fileName) {
        String suffix = fileName.endsWith(TEXT) ? TEXT : fileName.endsWith(JSON) ? JSON : null;
        if (suffix == null || !fileName.startsWith(PREFIX)) {
            return null;
        }
        String datacenter = fileName.substring(PREFIX.length(), fileName.length() - suffix.length());
        return HostInfoFormat.isValidLocationName(datacenter) ? datacenter : null;
    }

    /** Writes the pair of every datacenter of {@code ranking} and removes the pairs of the others. */
    public void publish(GlobalRanking ranking) {
        if (written == null) {
            written = existing(files.directory());
        }
        Set<String> now = new HashSet<>();
        for (DatacenterRanking datacenter : ranking.datacenters()) {
            String name = datacenter.datacenter();
            String text;
            String json;
            try {
                text = textFile(name);
                json = jsonFile(name);
            } catch (IllegalArgumentException e) {
                LOG.error("skipping the files of a datacenter: {}", e.getMessage());
                continue;
            }
            now.add(name);
            files.write(text, out -> RankingText.writeDatacenter(datacenter, out));
            files.write(json, out -> RankingJson.writeDatacenter(ranking, datacenter, out));
        }
        for (String gone : written) {
            if (!now.contains(gone)) {
                boolean removed = files.delete(textFile(gone)) & files.delete(jsonFile(gone));
                LOG.info(
                        "datacenter {} has no host in the window any more: its ranking files {}",
                        gone,
                        removed ? "are removed" : "could not all be removed");
            }
        }
        written = now;
    }

    /** The datacenters that have files in {@code directory} now. */
    static Set<String> existing(Path directory) {
        Set<String> found = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path entry : entries) {
                String datacenter = datacenterOf(entry.getFileName().toString());
                if (datacenter != null) {
                    found.add(datacenter);
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
