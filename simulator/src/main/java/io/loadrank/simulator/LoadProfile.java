package io.loadrank.simulator;

/**
 * How a simulated host's load changes over time, as an intensity (0 idle .. 1 saturated) at a
 * given number of seconds since the simulator started.
 *
 * <p>The timings are chosen so that a one-minute demo shows every profile play out: the topology
 * ranks within about 15 s of start, a spike runs from about 20 s to 38 s, and a silent host stops
 * at about 22 s for 22 s (longer than the topology's default staleAfter of 10 s, so it shows as
 * STALE, and then comes back). Spike and silence repeat every {@value #CYCLE_SECONDS} s, so a
 * longer run keeps showing them.
 */
public enum LoadProfile {
    /** the base load with a slow, small wobble */
    STEADY,
    /** from the base load up by 0.6 over {@value #RISE_SECONDS} s, then back to the base */
    RISING,
    /** the base load, then a spike to saturation for about 18 s each cycle */
    SPIKE,
    /** the base load, then no messages at all for {@value #SILENCE_SECONDS} s each cycle */
    SILENT;

    static final double CYCLE_SECONDS = 120;
    static final double SPIKE_START = 20;
    static final double SPIKE_SECONDS = 18;
    static final double SPIKE_RAMP_SECONDS = 3;
    static final double SPIKE_LEVEL = 0.97;
    static final double SILENCE_START = 22;
    static final double SILENCE_SECONDS = 22;
    static final double RISE_SECONDS = 240;
    static final double RISE = 0.6;
    /** spikes and silences of different hosts start up to this many seconds apart */
    static final double PHASE_SPREAD_SECONDS = 6;

    /**
     * The load at {@code seconds} since start for a host with {@code base} load; {@code phase}
     * shifts the host's timings a little so that hosts of one profile do not move in lock-step.
     */
    double intensity(double seconds, double base, double phase) {
        double wobble = 0.03 * Math.sin(2 * Math.PI * (seconds + phase * 7) / 45);
        return switch (this) {
            case STEADY, SILENT -> base + wobble;
            case RISING -> base + RISE * (((seconds + phase * 10) % RISE_SECONDS) / RISE_SECONDS) + wobble;
            case SPIKE -> {
                double shape = spikeShape(inCycle(seconds) - SPIKE_START - phase * PHASE_SPREAD_SECONDS);
                yield base + wobble + (SPIKE_LEVEL - base - wobble) * shape;
            }
        };
    }

    /** True while a host of this profile sends nothing. */
    boolean silent(double seconds, double phase) {
        if (this != SILENT) {
            return false;
        }
        double since = inCycle(seconds) - SILENCE_START - phase * PHASE_SPREAD_SECONDS;
        return since >= 0 && since < SILENCE_SECONDS;
    }

    /** 0 outside the spike, ramping linearly to 1 and back down at its edges. */
    static double spikeShape(double sinceStart) {
        if (sinceStart < 0 || sinceStart >= SPIKE_SECONDS) {
            return 0;
        }
        double up = sinceStart / SPIKE_RAMP_SECONDS;
        double down = (SPIKE_SECONDS - sinceStart) / SPIKE_RAMP_SECONDS;
        return Math.min(1, Math.min(up, down));
    }

    private static double inCycle(double seconds) {
        return seconds % CYCLE_SECONDS;
    }
}
