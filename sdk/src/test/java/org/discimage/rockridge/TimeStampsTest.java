package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.discimage.iso9660.RecordingDateTime;
import org.junit.jupiter.api.Test;

class TimeStampsTest {
    static final long T = Instant.parse("2026-11-23T09:25:54Z").getEpochSecond();
    /** pycdlib's TF: modify, access, attributes in short form. */
    static final String KNOWN = "54 46 1a 01 0e 7e 0b 17 09 19 36 00 7e 0b 17 09 19 36 00 7e 0b 17 09 19 36 00";

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        TimeStamps tf = TimeStamps.of(T, T, T);
        assertEquals(26, tf.length());
        ByteBuffer b = ByteBuffer.allocate(64);
        tf.encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        TimeStamps back = TimeStamps.decode(b.flip());
        assertEquals(tf, back);
        assertEquals(T, back.get(TimeStamps.ACCESS));
        assertEquals(RecordingDateTime.UNSPECIFIED_EPOCH_SECOND, back.get(TimeStamps.CREATION));
    }

    @Test
    void longFormRoundTrip() throws Exception {
        TimeStamps tf = new TimeStamps(TimeStamps.LONG_FORM | TimeStamps.CREATION | TimeStamps.EFFECTIVE,
                new long[] {T, RecordingDateTime.UNSPECIFIED_EPOCH_SECOND});
        assertEquals(5 + 2 * 17, tf.length());
        ByteBuffer b = ByteBuffer.allocate(64);
        tf.encode(b);
        assertEquals('2', b.get(5));
        assertEquals('0', b.get(22));
        assertEquals(tf, TimeStamps.decode(b.flip()));
        assertEquals(T, tf.get(TimeStamps.CREATION));
    }

    @Test
    void allSevenStamps() throws Exception {
        long[] s = {1, 2, 3, 4, 5, 6, 7};
        TimeStamps tf = new TimeStamps(0x7F, s);
        ByteBuffer b = ByteBuffer.allocate(64);
        tf.encode(b);
        assertEquals(54, b.position());
        assertEquals(tf, TimeStamps.decode(b.flip()));
        assertEquals(6, tf.get(TimeStamps.EXPIRATION));
    }

    @Test
    void lengthDisagreesWithFlags() {
        ByteBuffer b = buf(KNOWN);
        b.put(4, (byte) 0x0f);
        assertMalformed("RRIP TF.length at byte 2", () -> TimeStamps.decode(b));
    }

    @Test
    void badStamp() {
        ByteBuffer b = buf(KNOWN);
        b.put(6, (byte) 13);
        assertMalformed("RecordingDateTime at byte 5", () -> TimeStamps.decode(b));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> TimeStamps.decode(buf(KNOWN).limit(25)));
    }

    @Test
    void stampCountMustMatchFlags() {
        assertThrows(IllegalArgumentException.class, () -> new TimeStamps(TimeStamps.MODIFY, new long[] {1, 2}));
    }
}
