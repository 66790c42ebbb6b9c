package io.loadrank.simulator;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated fleet and the messages it sends: pure logic, no Kafka.
 *
 * <p>Everything is a function of the seed: the hosts' profiles and constants are drawn once from
 * a {@link Random} seeded with it, and the noise of every value is a hash of (seed, host, round,
 * metric) rather than the next number of a shared generator, so a round's messages do not depend
 * on which rounds were generated before it, and a test can pin any round.
 *
 * <p>Round {@code r} carries the sample time {@code startMillis + r * 1000 / rate}, never the wall
 * clock, so a run is repeatable for a given start time.
 */
public final class HostFleet {

    /** Where the hosts are; hosts are dealt out to the regions in turn. */
    static final String[] REGIONS = {"eu-west", "us-east", "ap-southeast", "eu-north", "us-west", "sa-east"};

    /**
     * A spread round (the simulator's {@code --spread}) is sent in this many slices, evenly over the
     * round's period, as a fleet of hosts that each keep their own second would send it; slice
     * {@code s} holds the hosts whose index * slices / hosts is {@code s}.
     */
    public static final int SPREAD_SLICES = 100;

    /** Racks per region: the hosts of a region are dealt out to its racks in turn. */
    static final int RACKS_PER_REGION = 3;

    /** The cluster name in the simulated hosts' host info. */
    static final String CLUSTER = "loadrank-sim";

    /** The profiles dealt to every block of this many hosts (then shuffled), so even 4 hosts show each. */
    private static final LoadProfile[] PROFILE_BLOCK = {
        LoadProfile.SPIKE, LoadProfile.SILENT, LoadProfile.RISING,
        LoadProfile.STEADY, LoadProfile.STEADY, LoadProfile.STEADY,
    };

    private final long seed;
    private final double rateHz;
    private final List<SimulatedHost> hosts;

    private HostFleet(long seed, double rateHz, List<SimulatedHost> hosts) {
        this.seed = seed;
        this.rateHz = rateHz;
        this.hosts = hosts;
    }

    /**
     * A fleet of {@code hostCount} hosts sending one sample per metric {@code rateHz} times a second.
     */
    public static HostFleet create(int hostCount, long seed, double rateHz) {
        if (hostCount < 1) {
            throw new IllegalArgumentException("a fleet needs at least one host, got " + hostCount);
        }
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of rounds a second, got " + rateHz);
        }
        Random random = new Random(seed);
        List<LoadProfile> profiles = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            profiles.add(PROFILE_BLOCK[i % PROFILE_BLOCK.length]);
        }
        Collections.shuffle(profiles, random);
        List<SimulatedHost> hosts = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            String region = REGIONS[i % REGIONS.length];
            String name = "cass-" + region + "-" + (i / REGIONS.length + 1);
            double baseLoad = 0.15 + 0.4 * random.nextDouble();
            double memoryBase = 30 + 25 * random.nextDouble();
            double phase = random.nextDouble();
            hosts.add(new SimulatedHost(i, name, region, profiles.get(i), baseLoad, memoryBase, phase));
        }
        return new HostFleet(seed, rateHz, List.copyOf(hosts));
    }

    public List<SimulatedHost> hosts() {
        return hosts;
    }

    public double rateHz() {
        return rateHz;
    }

    /** The sample time of round {@code round}. */
    public long sampleTimeMillis(long startMillis, long round) {
        return startMillis + Math.round(round * 1000.0 / rateHz);
    }

    /** Seconds since start at round {@code round}, which is what the load profiles play against. */
    public double secondsAt(long round) {
        return round / rateHz;
    }

    /** True if {@code host} sends nothing in round {@code round}. */
    public boolean silent(SimulatedHost host, long round) {
        return host.profile().silent(secondsAt(round), host.phase());
    }

    /** The value of {@code metric} that {@code host} sends in round {@code round}. */
    public double value(SimulatedHost host, Metric metric, long round) {
        double seconds = secondsAt(round);
        double intensity = host.profile().intensity(seconds, host.baseLoad(), host.phase());
        return MetricShape.value(metric, intensity, host.memoryBase(), noise(host.index(), round, metric.ordinal()));
    }

    /**
     * Hands every message of round {@code round} to {@code out}: for every host that is not silent,
     * one message per metric, in host then metric order, all with the round's sample time. The
     * message text comes from {@link WireFormat}, in a buffer that is reused for the next message.
     */
    public void generateRound(long round, long startMillis, MessageConsumer out) {
        generateHosts(round, 0, hosts.size(), sampleTimeMillis(startMillis, round), out);
    }

    /**
     * Hands the messages of slice {@code slice} (0 to {@link #SPREAD_SLICES} - 1) of a spread round
     * to {@code out}, with the slice's sample time ({@link #sampleTimeMillis(long, long, int)}).
     * The slices of a round together send what {@link #generateRound} sends.
     */
    public void generateSlice(long round, int slice, long startMillis, MessageConsumer out) {
        if (slice < 0 || slice >= SPREAD_SLICES) {
            throw new IllegalArgumentException("slice must be 0-" + (SPREAD_SLICES - 1) + ", got " + slice);
        }
        generateHosts(
                round, sliceStart(slice), sliceStart(slice + 1), sampleTimeMillis(startMillis, round, slice), out);
    }

    /**
     * The sample time of slice {@code slice} of spread round {@code round}: the round's sample time
     * plus {@code slice} hundredths of the round's period (whole milliseconds).
     */
    public long sampleTimeMillis(long startMillis, long round, int slice) {
        return sampleTimeMillis(startMillis, round) + sliceOffsetMillis(slice);
    }

    /** How far into its round's period slice {@code slice} of a spread round is sent, in ms. */
    public long sliceOffsetMillis(int slice) {
        return slice * periodMillis() / SPREAD_SLICES;
    }

    /** The slice of a spread round in which {@code host} sends. */
    public int sliceOf(SimulatedHost host) {
        return (int) ((long) host.index() * SPREAD_SLICES / hosts.size());
    }

    /** A round's period in whole milliseconds. */
    public long periodMillis() {
        return Math.round(1000.0 / rateHz);
    }

    /** The first host index of slice {@code slice}: the hosts whose {@link #sliceOf} is {@code slice}. */
    private int sliceStart(int slice) {
        return (int) (((long) slice * hosts.size() + SPREAD_SLICES - 1) / SPREAD_SLICES);
    }

    private void generateHosts(long round, int from, int to, long sampleTime, MessageConsumer out) {
        double seconds = secondsAt(round);
        StringBuilder message = new StringBuilder(64);
        for (SimulatedHost host : hosts.subList(from, to)) {
            LoadProfile profile = host.profile();
            if (profile.silent(seconds, host.phase())) {
                continue;
            }
            double intensity = profile.intensity(seconds, host.baseLoad(), host.phase());
            for (Metric metric : Metric.values()) {
                double value = MetricShape.value(
                        metric, intensity, host.memoryBase(), noise(host.index(), round, metric.ordinal()));
                message.setLength(0);
                WireFormat.appendEncoded(message, host.name(), value, sampleTime);
                out.accept(metric, host, message);
            }
        }
    }

    /**
     * The host-info record of {@code host} (docs/DATACENTERS.md): its region is its datacenter, its
     * rack one of {@value #RACKS_PER_REGION} per region, and its host id a UUID made from the seed
     * and the host name, so the same seed always gives the same ids.
     */
    public HostInfo hostInfo(SimulatedHost host) {
        int rack = (host.index() / REGIONS.length) % RACKS_PER_REGION + 1;
        String hostId = UUID.nameUUIDFromBytes((seed + "/" + host.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new HostInfo(host.name(), host.region(), "rack" + rack, hostId, CLUSTER, null);
    }

    /** A deterministic number in [-1, 1) for (seed, host, round, metric): SplitMix64's finaliser. */
    double noise(int hostIndex, long round, int metric) {
        long z = seed * 0x9E3779B97F4A7C15L
                + hostIndex * 0xC2B2AE3D27D4EB4FL
                + round * 0x165667B19E3779F9L
                + metric * 0x27D4EB2F165667C5L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    /** Receives the messages of a round. */
    @FunctionalInterface
    public interface MessageConsumer {
        /**
         * @param message the encoded message; only valid during the call (the buffer is reused)
         */
        void accept(Metric metric, SimulatedHost host, CharSequence message);
    }
}
