package org.discimage.recorder.mmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.discimage.recorder.transport.ScsiTransport;
import org.junit.jupiter.api.Test;

/** The executor over a scripted transport: what reaches the transport, and how status and sense come back. */
class MmcExecutorTest {

    /** Answers each command with the next scripted reply and records what it was sent. */
    private static final class ScriptedTransport implements ScsiTransport {
        record Call(byte[] cdb, DataDirection direction, byte[] dataOut, Duration timeout) {
        }

        final List<Call> calls = new ArrayList<>();
        private final byte[] replyData;
        private final ScsiResult result;

        ScriptedTransport(byte[] replyData, ScsiResult result) {
            this.replyData = replyData;
            this.result = result;
        }

        @Override
        public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout) {
            ScsiTransport.checkArguments(cdb, direction, data, timeout);
            byte[] out = null;
            if (direction == DataDirection.TO_DEVICE) {
                out = new byte[data.remaining()];
                data.get(out);
            } else if (direction == DataDirection.FROM_DEVICE) {
                data.put(replyData, 0, Math.min(replyData.length, data.remaining()));
            }
            calls.add(new Call(cdb, direction, out, timeout));
            return result;
        }

        @Override
        public String device() {
            return "/dev/sr7";
        }

        @Override
        public void close() {
        }
    }

    private static final ScsiResult GOOD = new ScsiResult(ScsiStatus.GOOD, new byte[0], 0, Duration.ofMillis(3));

    private static byte[] inquiryBytes() {
        byte[] b = new byte[36];
        b[0] = 5;
        b[1] = (byte) 0x80;
        b[4] = 31;
        byte[] ids = "PIONEER BD-RW   BDR-XD081.01".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ids, 0, b, 8, ids.length);
        return b;
    }

    @Test
    void inquiryGoesOutAndIsDecoded() throws Exception {
        ScriptedTransport t = new ScriptedTransport(inquiryBytes(), GOOD);
        InquiryData d = MmcExecutor.inquiry(t);
        assertEquals("PIONEER", d.vendor());
        assertEquals("BD-RW   BDR-XD08", d.product());
        assertEquals("1.01", d.revision());
        assertArrayEquals(new Inquiry().cdb(), t.calls.get(0).cdb());
        assertEquals(MmcCommand.DEFAULT_TIMEOUT, t.calls.get(0).timeout());
    }

    @Test
    void parameterListIsSent() throws Exception {
        ScriptedTransport t = new ScriptedTransport(new byte[0], GOOD);
        MmcExecutor.execute(t, FormatUnit.dvdPlusRw());
        assertEquals(DataDirection.TO_DEVICE, t.calls.get(0).direction());
        assertArrayEquals(FormatUnit.dvdPlusRw().parameterList(), t.calls.get(0).dataOut());
        assertEquals(MmcCommand.FORMAT_TIMEOUT, t.calls.get(0).timeout());
        MmcExecutor.execute(t, new SynchronizeCache(true));
        assertEquals(DataDirection.NONE, t.calls.get(1).direction());
        assertThrows(IllegalArgumentException.class, () -> MmcExecutor.execute(t, new Write10(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> MmcExecutor.execute(t, new Inquiry()));
        assertThrows(IllegalArgumentException.class, () -> MmcExecutor.execute(t, new Read10(0, 2),
                ByteBuffer.allocate(2048), Duration.ofSeconds(1)));
    }

    @Test
    void checkConditionBecomesScsiCommandException() {
        byte[] sense = new byte[18];
        sense[0] = 0x70;
        sense[2] = 0x02;
        sense[7] = 10;
        sense[12] = 0x3A;
        sense[13] = 0x02;
        ScriptedTransport t = new ScriptedTransport(new byte[0],
                new ScsiResult(ScsiStatus.CHECK_CONDITION, sense, 0, Duration.ZERO));
        ScsiCommandException e = assertThrows(ScsiCommandException.class,
                () -> MmcExecutor.execute(t, new TestUnitReady()));
        assertEquals(ErrorCode.RECORDER_MEDIA_NO_MEDIA, e.code());
        assertEquals(Disposition.NO_MEDIUM, e.disposition());
        assertEquals("TEST UNIT READY", e.command());
        assertTrue(e.getMessage().contains("/dev/sr7") && e.getMessage().contains("2/3A/02"), e.getMessage());
    }

    @Test
    void recoveredErrorIsSuccess() throws Exception {
        byte[] sense = new byte[18];
        sense[0] = 0x70;
        sense[2] = 0x01;
        sense[7] = 10;
        ScriptedTransport t = new ScriptedTransport(new byte[0],
                new ScsiResult(ScsiStatus.CHECK_CONDITION, sense, 0, Duration.ZERO));
        assertEquals(ScsiStatus.CHECK_CONDITION, MmcExecutor.execute(t, new TestUnitReady()).status());
    }

    @Test
    void otherStatusesAndMissingSenseFail() {
        ScriptedTransport busy = new ScriptedTransport(new byte[0],
                new ScsiResult(ScsiStatus.BUSY, new byte[0], 0, Duration.ZERO));
        DiscImageException e = assertThrows(DiscImageException.class, () -> MmcExecutor.execute(busy,
                new TestUnitReady()));
        assertEquals(ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE, e.code());
        assertTrue(e.getMessage().contains("status 08h"), e.getMessage());
        ScriptedTransport noSense = new ScriptedTransport(new byte[0],
                new ScsiResult(ScsiStatus.CHECK_CONDITION, new byte[0], 0, Duration.ZERO));
        DiscImageException e2 = assertThrows(DiscImageException.class, () -> MmcExecutor.execute(noSense,
                new TestUnitReady()));
        assertTrue(e2.getMessage().contains("without sense data"), e2.getMessage());
    }

    @Test
    void shortInquiryReplyIsRejected() {
        ScriptedTransport t = new ScriptedTransport(java.util.Arrays.copyOf(inquiryBytes(), 20), GOOD);
        DiscImageException e = assertThrows(DiscImageException.class, () -> MmcExecutor.inquiry(t));
        assertEquals(ErrorCode.RECORDER_INVALID_RESPONSE_FROM_DEVICE, e.code());
    }
}
