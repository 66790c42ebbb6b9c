package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapAfterGcTest {

    @Test
    void g1_has_one_heap_line_less_its_young_and_survivor_regions() {
        String info = """
                12345:
                 garbage-first heap   total 2097152K, used 412345K [0x0000000080000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 1 survivors (1024K)
                 Metaspace       used 61234K, committed 61824K, reserved 1114112K
                  class space    used 7890K, committed 8192K, reserved 1048576K
                """;

        assertThat(HeapAfterGc.usedBytes(info)).isEqualTo((412_345L - 3072 - 1024) * 1024);
    }

    @Test
    void generational_collectors_count_what_is_not_young() {
        String info = """
                 PSYoungGen      total 611840K, used 10496K [0x00000000d5580000, 0x0000000100000000, 0x0000000100000000)
                  eden space 524800K, 2% used [0x00000000d5580000,0x00000000d5fc0138,0x00000000f5600000)
                 ParOldGen       total 1398272K, used 300000K [0x0000000080000000, 0x00000000d5580000, 0x00000000d5580000)
                 Metaspace       used 3000K, committed 3200K, reserved 1056768K
                """;

        assertThat(HeapAfterGc.usedBytes(info)).isEqualTo(300_000L * 1024);
    }

    @Test
    void output_without_a_heap_line_is_a_clear_failure() {
        assertThatThrownBy(() -> HeapAfterGc.usedBytes("12345:\nCommand executed successfully"))
                .isInstanceOf(BenchMain.Failure.class)
                .hasMessageContaining("no heap figure");
    }
}
