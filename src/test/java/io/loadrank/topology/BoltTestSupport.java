package io.loadrank.topology;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.storm.Constants;
import org.apache.storm.tuple.Tuple;

/** Tuples and a hand-moved clock for the bolts' unit tests, which run without a cluster. */
final class BoltTestSupport {

    private BoltTestSupport() {}

    /** Storm's tick tuple, as the system component sends it. */
    static Tuple tick() {
        Tuple tick = mock(Tuple.class);
        when(tick.getSourceComponent()).thenReturn(Constants.SYSTEM_COMPONENT_ID);
        when(tick.getSourceStreamId()).thenReturn(Constants.SYSTEM_TICK_STREAM_ID);
        return tick;
    }

    /** A tuple from {@code component} on {@code stream} with the given values. */
    static Tuple tuple(String component, String stream, int sourceTask, Object... values) {
        Tuple tuple = mock(Tuple.class);
        when(tuple.getSourceComponent()).thenReturn(component);
        when(tuple.getSourceStreamId()).thenReturn(stream);
        when(tuple.getSourceTask()).thenReturn(sourceTask);
        for (int i = 0; i < values.length; i++) {
            when(tuple.getValue(i)).thenReturn(values[i]);
            if (values[i] instanceof Integer number) {
                when(tuple.getInteger(i)).thenReturn(number);
            }
        }
        return tuple;
    }

    /** A clock the test moves. */
    static final class HandClock extends Clock {
        private long millis;

        HandClock(long millis) {
            this.millis = millis;
        }

        void advance(long byMillis) {
            millis += byMillis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
