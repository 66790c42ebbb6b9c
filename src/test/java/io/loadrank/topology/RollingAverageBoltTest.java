package io.loadrank.topology;

import static io.loadrank.topology.BoltTestSupport.tick;
import static io.loadrank.topology.BoltTestSupport.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.codahale.metrics.Counter;
import io.loadrank.batch.SampleBatch;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowSnapshot;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The rolling bolt without a cluster: it emits its window only once the read-back has passed every parser. */
class RollingAverageBoltTest {

    private static final long START = 1_763_800_000_000L;
    private static final long READ_BACK_WAIT = 60_000;

    private final BoltTestSupport.HandClock clock = new BoltTestSupport.HandClock(START);
    private final OutputCollector collector = mock(OutputCollector.class);
    private RollingAverageBolt bolt;

    @BeforeEach
    void prepare() {
        TopologyContext context = mock(TopologyContext.class);
        when(context.getThisTaskId()).thenReturn(5);
        when(context.getComponentTasks("parser-cpuLoad")).thenReturn(List.of(1, 2));
        when(context.registerCounter(anyString())).thenAnswer(invocation -> new Counter());
        bolt = new RollingAverageBolt("cpuLoad", 60_000, 10_000, 2, "parser-cpuLoad", READ_BACK_WAIT, clock);
        bolt.prepare(Map.of(), context, collector);
    }

    @Test
    void givenTheReadBackHasNotPassedEveryParser_whenTheTickComes_thenNoWindowIsEmitted() {
        bolt.execute(samples("cass-a", 10, 30));
        bolt.execute(readBackDone(1));

        bolt.execute(tick());

        verify(collector, never()).emit(eq(TopologyStreams.WINDOW_STREAM), anyList());
    }

    @Test
    void givenTheReadBackPassedEveryParser_whenTheTickComes_thenTheWindowAveragesAreEmittedWithTheTaskId() {
        bolt.execute(samples("cass-a", 10, 30));
        bolt.execute(readBackDone(1));
        bolt.execute(readBackDone(2));

        clock.advance(1_000);
        bolt.execute(tick());

        WindowSnapshot snapshot = emittedWindow();
        assertThat(snapshot.averages())
                .extracting(HostAverage::host, HostAverage::average, HostAverage::samples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cass-a", 20.0, 2));
    }

    @Test
    void givenTheReadBackNeverFinishes_whenItsWaitHasPassed_thenTheBoltEmitsAnyway() {
        clock.advance(READ_BACK_WAIT);
        bolt.execute(samples("cass-a", 10, 30));

        bolt.execute(tick());

        assertThat(emittedWindow().averages()).hasSize(1);
    }

    private Tuple samples(String host, double... values) {
        String[] hosts = new String[values.length];
        long[] times = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            hosts[i] = host;
            times[i] = clock.millis() - 1_000L * (values.length - i);
        }
        return tuple(
                "parser-cpuLoad",
                TopologyStreams.SAMPLE_BATCH_STREAM,
                1,
                new SampleBatch(hosts, values.clone(), times));
    }

    private static Tuple readBackDone(int parserTask) {
        return tuple("parser-cpuLoad", TopologyStreams.READBACK_DONE_STREAM, parserTask, "cpuLoad");
    }

    @SuppressWarnings("unchecked")
    private WindowSnapshot emittedWindow() {
        ArgumentCaptor<List<Object>> values = ArgumentCaptor.forClass((Class<List<Object>>) (Class<?>) List.class);
        verify(collector).emit(eq(TopologyStreams.WINDOW_STREAM), values.capture());
        assertThat(values.getValue().get(0)).isEqualTo(5);
        return (WindowSnapshot) values.getValue().get(1);
    }
}
