package io.loadrank.topology;

import static io.loadrank.topology.BoltTestSupport.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.codahale.metrics.Counter;
import io.loadrank.batch.SampleBatch;
import io.loadrank.message.MalformedReason;
import java.util.List;
import java.util.Map;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/** The parser bolt without a cluster: valid samples leave in batches, malformed ones are counted, acked and dead-lettered. */
class ParserBoltTest {

    private static final long RECORD_TIME = 1_763_800_000_000L;

    private final OutputCollector collector = mock(OutputCollector.class);
    private ParserBolt bolt;

    @BeforeEach
    void prepare() {
        TopologyContext context = mock(TopologyContext.class);
        when(context.getComponentTasks("rolling-cpuLoad")).thenReturn(List.of(7));
        when(context.registerCounter(anyString())).thenAnswer(invocation -> new Counter());
        bolt = new ParserBolt("cpuLoad", "rolling-cpuLoad", true, 2, 2);
        bolt.prepare(Map.of(), context, collector);
    }

    @Test
    void givenValidMessages_whenABatchIsFull_thenItGoesToTheRollingTaskAndItsInputsAreAcked() {
        Tuple first = record("cass-1,55");
        Tuple second = record("cass-2,37.5,1763800000500");

        bolt.execute(first);
        verify(collector, never()).emitDirect(anyInt(), anyString(), anyCollection(), anyList());
        bolt.execute(second);

        ArgumentCaptor<List<Object>> values = valuesCaptor();
        verify(collector).emitDirect(eq(7), eq(TopologyStreams.SAMPLE_BATCH_STREAM), anyCollection(), values.capture());
        assertThat(((SampleBatch) values.getValue().get(0)).size()).isEqualTo(2);
        verify(collector).ack(first);
        verify(collector).ack(second);
    }

    @Test
    void givenASampleWaiting_whenTheFlushClockTicks_thenItsBatchLeavesAtOnce() {
        bolt.execute(record("cass-1,55"));

        bolt.execute(BoltTestSupport.tuple("flush-clock", TopologyStreams.FLUSH_STREAM, 1, RECORD_TIME));

        verify(collector).emitDirect(eq(7), eq(TopologyStreams.SAMPLE_BATCH_STREAM), anyCollection(), anyList());
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cass-1              | wrongFieldCount",
                "cass-1,abc          | badNumber",
                "cass-1,-5           | negative",
                "cass/1,5            | badHost",
            })
    void givenAMalformedMessage_whenParsed_thenItIsAckedCountedAndDeadLettered(String message, String reasonLabel) {
        Tuple tuple = record(message);

        bolt.execute(tuple);
        bolt.execute(tick());

        verify(collector).ack(tuple);
        ArgumentCaptor<List<Object>> deadLetter = valuesCaptor();
        verify(collector).emit(eq(TopologyStreams.MALFORMED_STREAM), eq(tuple), deadLetter.capture());
        assertThat((String) deadLetter.getValue().get(1)).contains("\"topic\":\"cpuLoad\"");
        ArgumentCaptor<List<Object>> counts = valuesCaptor();
        verify(collector).emit(eq(TopologyStreams.MALFORMED_COUNTS_STREAM), counts.capture());
        @SuppressWarnings("unchecked")
        Map<MalformedReason, Long> byReason =
                (Map<MalformedReason, Long>) counts.getValue().get(0);
        assertThat(byReason).hasSize(1);
        assertThat(byReason.keySet().iterator().next().label()).isEqualTo(reasonLabel);
        assertThat(deadLetter.getValue().get(0)).isEqualTo(reasonLabel);
        verify(collector, never()).emitDirect(anyInt(), anyString(), anyCollection(), anyList());
        verify(collector, never()).fail(any());
    }

    private static Tuple record(String message) {
        Tuple tuple = mock(Tuple.class);
        when(tuple.getSourceComponent()).thenReturn("spout-cpuLoad");
        when(tuple.getSourceStreamId()).thenReturn("default");
        when(tuple.getString(0)).thenReturn(message);
        when(tuple.getLong(1)).thenReturn(RECORD_TIME);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<List<Object>> valuesCaptor() {
        return ArgumentCaptor.forClass((Class<List<Object>>) (Class<?>) List.class);
    }
}
