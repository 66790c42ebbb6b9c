package io.loadrank.hostinfo;

import java.util.Locale;

/**
 * Why a host-info record is not valid (docs/DATACENTERS.md). Each reason is counted on its own,
 * and a malformed record is skipped: it never changes a host's datacenter and never reaches a
 * file name.
 */
public enum HostInfoMalformedReason {
    /** Longer than {@link HostInfoFormat#MAX_RECORD_CHARS}. */
    OVERSIZED,
    /** Not one JSON object (syntax error, trailing text, a duplicated field, a field that is not a string). */
    BAD_JSON,
    /** No {@code host} field. */
    MISSING_HOST,
    /** The {@code host} field is not a host name of the metric wire format. */
    BAD_HOST,
    /** The record key is not the {@code host} field. */
    KEY_MISMATCH,
    /** No {@code datacenter} field. */
    MISSING_DATACENTER,
    /** The datacenter name is not 1-64 letters, digits, '.', '-', '_'. */
    BAD_DATACENTER,
    /** The rack name is not 1-64 letters, digits, '.', '-', '_'. */
    BAD_RACK,
    /** The host id is not a UUID. */
    BAD_HOST_ID,
    /** The cluster name is empty, too long, or has control or markup characters. */
    BAD_CLUSTER,
    /** The address is neither an IP literal nor a host name. */
    BAD_ADDRESS;

    /** The name used in counters, logs and output files, e.g. {@code badDatacenter}. */
    public String label() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            label.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return label.toString();
    }
}
