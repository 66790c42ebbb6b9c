package io.loadrank.producer;

import io.loadrank.producer.metrics.MemoryPercent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * memLoad from the host's /proc/meminfo (docs/PRODUCER.md), and the choice between it and the
 * OperatingSystem MBean.
 */
final class MemInfoSource {

    private static final Logger LOG = LoggerFactory.getLogger(MemInfoSource.class);
    static final Path PROC_MEMINFO = Path.of("/proc/meminfo");

    private final Path path;
    private boolean failureLogged;

    MemInfoSource(Path path) {
        this.path = path;
    }

    /** The percentage of memory in use, or empty if the file cannot be read or lacks the fields. */
    OptionalDouble read() {
        try {
            OptionalDouble percent = MemoryPercent.fromMemInfo(Files.readString(path, StandardCharsets.US_ASCII));
            if (percent.isEmpty() && !failureLogged) {
                failureLogged = true;
                LOG.warn("{} has no MemTotal/MemAvailable: no memLoad is sent (reported once)", path);
            }
            return percent;
        } catch (IOException e) {
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("cannot read {}: no memLoad is sent (reported once): {}", path, e.toString());
            }
            return OptionalDouble.empty();
        }
    }

    /**
     * Decides where memLoad comes from and logs the choice once.
     *
     * @return the meminfo source to use, or null for the MBean
     */
    static MemInfoSource choose(MemorySource configured, String jmxHost, Path path) {
        MemInfoSource meminfo = new MemInfoSource(path);
        switch (configured) {
            case MEMINFO -> {
                LOG.info("memLoad from {} (MemAvailable; page cache not counted), as configured", path);
                return meminfo;
            }
            case MBEAN -> {
                LOG.info(
                        "memLoad from the Cassandra JVM's OperatingSystem MBean (counts page cache as used), as configured");
                return null;
            }
            default -> {
                boolean local = isLocalAddress(jmxHost);
                boolean readable = local && meminfo.read().isPresent();
                if (readable) {
                    LOG.info(
                            "memLoad from {} (MemAvailable; page cache not counted): JMX host {} is this machine",
                            path,
                            jmxHost);
                    return meminfo;
                }
                LOG.info(
                        "memLoad from the Cassandra JVM's OperatingSystem MBean (counts page cache as used): {}",
                        local ? path + " has no MemAvailable" : "JMX host " + jmxHost + " is another machine");
                return null;
            }
        }
    }

    static boolean isLocalAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
