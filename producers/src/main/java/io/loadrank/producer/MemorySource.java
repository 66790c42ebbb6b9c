package io.loadrank.producer;

/** Where memLoad comes from (docs/PRODUCER.md): the setting {@code memory.source}. */
public enum MemorySource {
    AUTO,
    MEMINFO,
    MBEAN
}
