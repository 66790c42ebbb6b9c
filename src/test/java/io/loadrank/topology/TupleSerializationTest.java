package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.loadrank.batch.SampleBatch;
import io.loadrank.message.MalformedReason;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.serialization.SerializationFactory;
import org.apache.storm.utils.Utils;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Between workers Storm serialises tuple values with Kryo, which refuses classes that are not
 * registered. The local runs and the one-worker cluster test never serialise, so this test sends
 * every value type the topology emits through Storm's own Kryo, configured as loadrank configures it.
 */
class TupleSerializationTest {

    private static final long T0 = 1_763_800_000_000L;

    static List<Object> tupleValues() {
        EnumMap<MalformedReason, Long> malformed = new EnumMap<>(MalformedReason.class);
        malformed.put(MalformedReason.values()[0], 3L);
        ArrayList<HostAverage> averages = new ArrayList<>(List.of(new HostAverage("cass-eu-1", 55.25, 60, T0)));
        return List.of(
                new SampleBatch(
                        new String[] {"cass-eu-1", "cass-uk-1"}, new double[] {55.25, 0.0}, new long[] {T0, T0 + 1}),
                new WindowSnapshot(averages, 60_000, new WindowCounters(10, 1, 2, 3), T0),
                malformed,
                new TopicRanking(
                        "cpuLoad",
                        averages,
                        60_000,
                        new IngestStats(new WindowCounters(1, 0, 0, 0), malformed),
                        T0,
                        T0),
                new EnumMap<MalformedReason, Long>(MalformedReason.class));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("tupleValues")
    void givenLoadranksStormConfig_whenATupleValueCrossesWorkers_thenKryoRestoresAnEqualValue(
            Object value, @TempDir Path dir) {
        // what a worker sees: Storm's defaults under the topology's configuration
        Map<String, Object> conf = new HashMap<>(Utils.readDefaultConfig());
        conf.putAll(LoadRankTopology.stormConfig(Map.of(), dir));
        Kryo kryo = SerializationFactory.getKryo(conf);
        Output output = new Output(4096, -1);
        kryo.writeClassAndObject(output, value);

        Object copy = kryo.readClassAndObject(new Input(output.toBytes()));

        assertThat(copy).isEqualTo(value);
    }
}
