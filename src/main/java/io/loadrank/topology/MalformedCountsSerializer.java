package io.loadrank.topology;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.loadrank.message.MalformedReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * Kryo serialiser for the malformed counts ({@code EnumMap<MalformedReason, Long>}) that travel
 * between workers, alone and inside {@link io.loadrank.ranking.IngestStats}. Kryo cannot create an
 * {@code EnumMap} (it has no no-arg constructor, and its key type is private), so the counts are
 * written as (reason name, count) pairs. The only {@code EnumMap} the topology emits is this one.
 */
public final class MalformedCountsSerializer extends Serializer<EnumMap<MalformedReason, Long>> {

    @Override
    public void write(Kryo kryo, Output output, EnumMap<MalformedReason, Long> counts) {
        output.writeVarInt(counts.size(), true);
        for (Map.Entry<MalformedReason, Long> entry : counts.entrySet()) {
            // by name, not ordinal: workers of two builds may order the reasons differently
            output.writeString(entry.getKey().name());
            output.writeVarLong(entry.getValue(), true);
        }
    }

    @Override
    public EnumMap<MalformedReason, Long> read(
            Kryo kryo, Input input, Class<? extends EnumMap<MalformedReason, Long>> type) {
        EnumMap<MalformedReason, Long> counts = new EnumMap<>(MalformedReason.class);
        int size = input.readVarInt(true);
        for (int i = 0; i < size; i++) {
            counts.put(MalformedReason.valueOf(input.readString()), input.readVarLong(true));
        }
        return counts;
    }
}
