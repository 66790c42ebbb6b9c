package io.loadrank.webview.record;

import io.loadrank.kafka.TopicCreator;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SlicePart;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;

/**
 * The records of the rankings topic, one part of one slice's ranking each (docs/OUTPUT.md), turned
 * into what the view takes in: a slice's whole ranking once all its parts are read, or the news that a
 * slice left (the tombstone of its part 0). A record it cannot read (a key that is not a slice key, a
 * value that is not a slice part, a value whose slice or part is not its key's) is counted, handed to
 * {@link SkipLog} and skipped: a bad record is never fatal. Not thread-safe: one per reading thread.
 */
public final class SliceFeed {

    /** What a record came to. */
    public sealed interface Update {
        /** The whole, newest ranking of a slice. */
        record Ranked(SliceRanking ranking) implements Update {}

        /** The slice left: every host of it out of the window. */
        record Left(Slice slice) implements Update {}

        /** Nothing to show yet (a part waiting for the others, an outdated part) or a skipped record. */
        record Nothing() implements Update {}
    }

    private static final Update NOTHING = new Update.Nothing();

    private final SliceAssembler assembler = new SliceAssembler();
    private final SkipLog skipLog;
    private long skipped;

    public SliceFeed(SkipLog skipLog) {
        this.skipLog = skipLog;
    }

    /** One record of the rankings topic: its key and value as text (a null value is a tombstone). */
    public Update accept(String key, String value) {
        if (TopicCreator.PROBE_KEY.equals(key)) {
            return NOTHING; // the tombstone that proved the partition writable when the topic was made: not bad
        }
        SliceKey sliceKey = SliceKey.parse(key);
        if (sliceKey == null) {
            return skip("a key that is not a slice key: " + shortened(key));
        }
        if (value == null) {
            return assembler.tombstone(sliceKey) ? new Update.Left(sliceKey.slice()) : NOTHING;
        }
        SlicePart part;
        try {
            part = SliceRecordFormat.read(sliceKey, value);
        } catch (SliceRecordException e) {
            return skip("record " + sliceKey.text() + ": " + e.getMessage());
        }
        return assembler.accept(part) instanceof SliceAssembler.Outcome.Complete complete
                ? new Update.Ranked(complete.ranking())
                : NOTHING;
    }

    /** Records skipped since the start. */
    public long skipped() {
        return skipped;
    }

    private Update skip(String why) {
        skipped++;
        skipLog.skipped(why);
        return NOTHING;
    }

    private static String shortened(String text) {
        if (text == null) {
            return "none";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
