package org.discimage.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.discimage.recorder.transport.ScsiTransport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The write parameters page 05h {@link DataWriter} sends on CD-R and DVD-R (MMC 7.5.4; libburn's settings): the
 * emulated drive does not model MODE SENSE/SELECT, so a transport in front of it answers MODE SENSE(10) with a
 * page of a drive's defaults, records the MODE SELECT(10) and the close functions, and passes the rest on.
 */
class WriteParametersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    /** Page 05h as a drive may report it: write type TAO, multi-session 00b, data block type 8, 52 bytes. */
    private static byte[] modeSenseReply() {
        byte[] r = new byte[8 + 52];
        r[1] = (byte) (6 + 52); // mode data length: the bytes after itself
        r[8] = 0x05;
        r[9] = 50;
        r[10] = 0x01;
        r[12] = 0x08;
        return r;
    }

    @ParameterizedTest
    @CsvSource({"CD_R, false, 1, 4, 3", "CD_R, true, 1, 4, 0", "DVD_MINUS_R, false, 0, 5, 3",
            "DVD_MINUS_R, true, 0, 5, 0"})
    void pageFiveCarriesTheWriteTypeAndTheMultiSessionField(Profile profile, boolean close, int writeType,
            int trackMode, int multiSession) throws IOException {
        EmulatedDrive d = EmulatedDrive.load(work.resolve("p.img"), profile);
        List<byte[]> selects = new ArrayList<>();
        List<Integer> closes = new ArrayList<>();
        ScsiTransport t = new ScsiTransport() {
            @Override
            public ScsiResult execute(byte[] cdb, DataDirection dir, ByteBuffer data, Duration timeout)
                    throws DiscImageException {
                int op = cdb[0] & 0xFF;
                if (op == 0x5A && (cdb[2] & 0x3F) == 0x05) {
                    byte[] reply = modeSenseReply();
                    int n = Math.min(reply.length, data.remaining());
                    data.put(reply, 0, n);
                    return new ScsiResult(ScsiStatus.GOOD, new byte[0], data.remaining(), Duration.ZERO);
                }
                if (op == 0x55) {
                    byte[] list = new byte[data.remaining()];
                    data.get(list);
                    selects.add(list);
                    return new ScsiResult(ScsiStatus.GOOD, new byte[0], 0, Duration.ZERO);
                }
                if (op == 0x5B) {
                    closes.add(cdb[2] & 7);
                }
                return d.execute(cdb, dir, data, timeout);
            }

            @Override
            public String device() {
                return d.device();
            }

            @Override
            public void close() throws DiscImageException {
                d.close();
            }
        };
        try (DiscRecorder r = DiscRecorder.over(t)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.root().addFile("a.txt", "a".getBytes(StandardCharsets.UTF_8));
            DataWriter w = new DataWriter(r);
            w.setForceMediaToBeClosed(close);
            w.write(image.createResultImage());
        }
        assertEquals(1, selects.size());
        byte[] page = selects.get(0);
        assertEquals(0x05, page[8] & 0x3F);
        assertEquals(writeType, page[10] & 0x0F, "write type");
        assertEquals(0x40, page[10] & 0x40, "BUFE");
        assertEquals(multiSession, (page[11] & 0xFF) >>> 6, "multi-session field");
        assertEquals(trackMode, page[11] & 0x0F, "track mode");
        // close track, then close session: with the page sent, 00b makes CLOSE SESSION finalise
        assertEquals(List.of(1, 2), closes);
    }
}
