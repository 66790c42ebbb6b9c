package io.loadrank.slice;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A slice: the hosts of one datacenter of one cluster, ranked among themselves. Load can move
 * between the servers of a slice, not between slices: two clusters may both call a datacenter
 * {@code dc1} (Cassandra's defaults are {@code datacenter1} and {@code dc1}), and they are two
 * slices. Hosts without host info form one slice of their own, {@link #UNPLACED}.
 *
 * @param cluster    the Cassandra cluster name, or null (a host whose host info names none, or a host
 *                   without host info)
 * @param datacenter the datacenter name, or null for a host without host info
 */
public record Slice(String cluster, String datacenter) implements Serializable {

    /** The slice of the hosts without host info: both names null. */
    public static final Slice UNPLACED = new Slice(null, null);

    /** Cluster name, then datacenter name, null first: the order slices are listed and written in. */
    public static final Comparator<Slice> ORDER = Comparator.comparing(
                    Slice::cluster, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Slice::datacenter, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    public Slice {
        if (datacenter == null && cluster != null) {
            throw new IllegalArgumentException("a slice with a cluster needs a datacenter: cluster " + cluster);
        }
    }

    /** True for the slice of the hosts without host info. */
    public boolean unplaced() {
        return datacenter == null;
    }

    /**
     * The part of this slice's file names after {@code GlobalRankings-} (docs/OUTPUT.md). With one
     * cluster in play it is the datacenter name, so the files of a fleet of one cluster keep the names
     * they always had. With several it is {@code <cluster>~<datacenter>}: the cluster name with every
     * byte of its UTF-8 but letters, digits, {@code -} and {@code _} written as {@code %XX}, so a
     * cluster name of {@code /}, spaces or dots never makes a path, and {@code ~} (in neither part)
     * keeps two slices from sharing a name; a null cluster is empty. An encoded cluster longer than
     * {@value #MAX_ENCODED_CLUSTER} characters is replaced by {@code #} and the first 32 hex digits of
     * its SHA-256, so the name stays well under a file system's 255 bytes.
     *
     * @param severalClusters whether the ranked hosts with host info are in more than one cluster
     * @throws IllegalStateException for the slice of the hosts without host info, which has no files
     */
    public String fileName(boolean severalClusters) {
        if (unplaced()) {
            throw new IllegalStateException("the hosts without host info have no slice files");
        }
        if (!severalClusters) {
            return datacenter;
        }
        return cluster == null ? "~" + datacenter : encodedCluster(cluster) + "~" + datacenter;
    }

    /** Longest cluster part of a file name before it is hashed. */
    static final int MAX_ENCODED_CLUSTER = 120;

    private static String encodedCluster(String cluster) {
        byte[] utf8 = cluster.getBytes(StandardCharsets.UTF_8);
        StringBuilder name = new StringBuilder(utf8.length);
        for (byte b : utf8) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (name.length() <= MAX_ENCODED_CLUSTER) {
            return name.toString();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return "#" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** How a person reads the slice in a log line: {@code north}, {@code c1/north}, or {@code (no host info)}. */
    @Override
    public String toString() {
        if (datacenter == null) {
            return "(no host info)";
        }
        return cluster == null ? datacenter : cluster + "/" + datacenter;
    }
}
