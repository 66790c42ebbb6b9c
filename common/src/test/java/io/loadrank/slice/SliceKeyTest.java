package io.loadrank.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceKeyTest {

    @Test
    void givenSlices_whenKeyed_thenTheKeyReadsBackToTheSameSliceAndPart() {
        for (Slice slice : List.of(
                new Slice("prod", "eu-west"),
                new Slice(null, "dc1"),
                Slice.UNPLACED,
                new Slice("a,b\",\"c", "x"),
                new Slice("é ~ /..", "dc1"))) {
            for (int part : new int[] {0, 1, 17}) {
                SliceKey key = new SliceKey(slice, part);
                assertThat(SliceKey.parse(key.text())).as(key.text()).isEqualTo(key);
            }
        }
        assertThat(new SliceKey(new Slice("prod", "eu-west"), 2).text()).isEqualTo("[\"prod\",\"eu-west\",2]");
        assertThat(new SliceKey(Slice.UNPLACED, 0).text()).isEqualTo("[null,null,0]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "global",
                "",
                "[",
                "[\"a\",\"b\"]",
                "[\"a\",\"b\",-1]",
                "[\"a\",null,0]",
                "[\"a\",\"b\",0]x",
                "[1,\"b\",0]",
                "{\"a\":1}"
            })
    void givenAKeyOfAnotherWriter_whenParsed_thenItIsNoSliceKey(String text) {
        assertThat(SliceKey.parse(text)).isNull();
    }

    @Test
    void givenTheSameSlice_whenPartitioned_thenEveryPartGoesToOnePartitionAndSlicesSpread() {
        int partitions = 6;
        int[] used = new int[partitions];
        for (int c = 0; c < 5; c++) {
            for (int d = 0; d < 12; d++) {
                Slice slice = new Slice("cluster" + c, "dc" + d);
                int partition = SliceKey.partition(slice, partitions);
                assertThat(partition).isBetween(0, partitions - 1);
                assertThat(SliceKey.partition(new Slice("cluster" + c, "dc" + d), partitions))
                        .isEqualTo(partition);
                used[partition]++;
            }
        }
        for (int count : used) {
            assertThat(count).as("60 slices over 6 partitions").isPositive();
        }
        assertThat(SliceKey.partition(Slice.UNPLACED, 1)).isZero();
    }

    @Test
    void givenTheKnownHashOfKafka_whenPartitioned_thenTheNumberIsKafkasOwnForTheIdentity() {
        // the partition is the murmur2 of ["c1","north"], as Kafka's default partitioner hashes a key
        byte[] identity = "[\"c1\",\"north\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int expected =
                org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(identity))
                        % 7;
        assertThat(SliceKey.partition(new Slice("c1", "north"), 7)).isEqualTo(expected);
    }
}
