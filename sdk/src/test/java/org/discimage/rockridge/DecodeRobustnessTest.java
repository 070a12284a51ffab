package org.discimage.rockridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.PathTableRecord;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.SupplementaryVolumeDescriptor;
import org.discimage.iso9660.VolumeDateTime;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.SuspEntry;
import org.junit.jupiter.api.Test;

/** Every decoder, fed truncated or corrupted input, answers with MALFORMED_STRUCTURE and nothing else. */
class DecodeRobustnessTest {
    interface Decoder {
        Object decode(ByteBuffer b) throws DiscImageException;
    }

    static final VolumeDateTime WHEN = VolumeDateTime.of(Instant.parse("2026-11-23T09:25:54Z"));
    static final DirectoryRecord ROOT = new DirectoryRecord(0, 28, 2048, RecordingDateTime.ofEpochSecond(0), 2, 0, 0,
            1, new byte[] {0}, null);

    static byte[] encode(java.util.function.Consumer<ByteBuffer> enc) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        enc.accept(b);
        byte[] out = new byte[b.position()];
        b.get(0, out);
        return out;
    }

    static void everyPrefixIsMalformed(byte[] valid, Decoder d) {
        for (int n = 0; n < valid.length; n++) {
            try {
                d.decode(ByteBuffer.wrap(valid, 0, n).slice());
                fail("decoded a " + n + "-byte prefix of " + valid.length + " bytes");
            } catch (DiscImageException e) {
                assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code());
            }
        }
    }

    static void corruptionNeverEscapes(byte[] valid, Decoder d) {
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            byte[] c = valid.clone();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                c[r.nextInt(c.length)] = (byte) r.nextInt(256);
            }
            try {
                d.decode(ByteBuffer.wrap(c));
            } catch (DiscImageException e) {
                assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code());
            }
        }
    }

    static void check(byte[] valid, Decoder d) {
        everyPrefixIsMalformed(valid, d);
        corruptionNeverEscapes(valid, d);
    }

    @Test
    void iso9660Records() {
        check(encode(ROOT::encode), DirectoryRecord::decode);
        check(encode(b -> new DirectoryRecord(0, 9, 5, RecordingDateTime.ofEpochSecond(9), 0, 0, 0, 1,
                "AB.TXT;1".getBytes(), new byte[] {'R', 'E', 4, 1}).encode(b)), DirectoryRecord::decode);
        check(encode(b -> new PathTableRecord(0, 28, 1, "DIR".getBytes()).encode(b, ByteOrder.BIG_ENDIAN)),
                b -> PathTableRecord.decode(b, ByteOrder.BIG_ENDIAN));
        check(encode(new PrimaryVolumeDescriptor("S", "V", 32, 1, 1, 2048, 10, 20, 0, 22, 0, ROOT, "", "", "", "", "",
                "", "", WHEN, WHEN, WHEN, WHEN, 1)::encode), PrimaryVolumeDescriptor::decode);
        check(encode(new SupplementaryVolumeDescriptor(0, "S", "V", 32,
                SupplementaryVolumeDescriptor.JOLIET_LEVEL3_ESCAPES, 1, 1, 2048, 10, 20, 0, 22, 0, ROOT, "", "", "", "",
                "", "", "", WHEN, WHEN, WHEN, WHEN, 1)::encode), SupplementaryVolumeDescriptor::decode);
        check(encode(WHEN::encode), VolumeDateTime::decode);
    }

    @Test
    void systemUseEntries() {
        List<SuspEntry> all = List.of(new PosixFileAttributes(0100644, 1, 0, 0, 3), new PosixDeviceNumber(1, 2),
                SymbolicLink.entriesFor("../a//b").get(0), new AlternateName(0, "name".getBytes()), new ChildLink(5),
                new ParentLink(6), TimeStamps.of(1, 2, 3), new TimeStamps(0x81, new long[] {4}),
                ExtensionReference.RRIP_1_12);
        List<Decoder> decoders = List.of(PosixFileAttributes::decode, PosixDeviceNumber::decode, SymbolicLink::decode,
                AlternateName::decode, ChildLink::decode, ParentLink::decode, TimeStamps::decode, TimeStamps::decode,
                ExtensionReference::decode);
        for (int i = 0; i < all.size(); i++) {
            byte[] valid = encode(all.get(i)::encode);
            check(valid, decoders.get(i));
            // through the dispatcher, any prefix of 4 bytes or more is an entry running past the end
            everyPrefixIsMalformed(valid, b -> {
                if (b.remaining() < 4) {
                    throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "(under 4 bytes: nothing to decode)");
                }
                return SystemUseEntries.decode(b);
            });
        }
        byte[] area = encode(b -> SystemUseEntries.encode(b, all));
        corruptionNeverEscapes(area, SystemUseEntries::decode);
    }

    /**
     * Lenient decoding (DecodeContext) accepts known deviations, never truncation: every prefix
     * still fails, and corruption gives a value, a report or MALFORMED_STRUCTURE, nothing else.
     */
    @Test
    void lenientDecodersFailOnEveryPrefixAndNeverEscape() {
        List<org.discimage.error.Diagnostic> reports = new java.util.ArrayList<>();
        org.discimage.codec.DecodeContext ctx = org.discimage.codec.DecodeContext.of(true, reports::add).at(3);
        check(encode(b -> new DirectoryRecord(0, 9, 5, RecordingDateTime.ofEpochSecond(9), 0, 0, 0, 1,
                "AB.TXT;1".getBytes(), new byte[] {'R', 'E', 4, 1}).encode(b)), b -> DirectoryRecord.decode(b, ctx));
        check(encode(new PrimaryVolumeDescriptor("S", "V", 32, 1, 1, 2048, 10, 20, 0, 22, 0, ROOT, "", "", "", "", "",
                "", "", WHEN, WHEN, WHEN, WHEN, 1)::encode), b -> PrimaryVolumeDescriptor.decode(b, ctx));
        check(encode(new SupplementaryVolumeDescriptor(0, "S", "V", 32,
                SupplementaryVolumeDescriptor.JOLIET_LEVEL3_ESCAPES, 1, 1, 2048, 10, 20, 0, 22, 0, ROOT, "", "", "", "",
                "", "", "", WHEN, WHEN, WHEN, WHEN, 1)::encode), b -> SupplementaryVolumeDescriptor.decode(b, ctx));
        check(encode(WHEN::encode), b -> VolumeDateTime.decode(b, ctx));
        check(encode(SymbolicLink.entriesFor("../a//b").get(0)::encode), b -> SymbolicLink.decode(b, ctx));
        check(encode(TimeStamps.of(1, 2, 3)::encode), b -> TimeStamps.decode(b, ctx));
        check(encode(new PosixFileAttributes(0100644, 1, 0, 0, 3)::encode), b -> PosixFileAttributes.decode(b, ctx));
        List<SuspEntry> all = List.of(new PosixFileAttributes(0100644, 1, 0, 0, 3), new ChildLink(5),
                SymbolicLink.entriesFor("x").get(0), TimeStamps.of(1, 2, 3), new ParentLink(6));
        corruptionNeverEscapes(encode(b -> SystemUseEntries.encode(b, all)), b -> SystemUseEntries.decode(b, ctx));
        assertTrue(!reports.isEmpty(), "corruption made no lenient report");
        for (org.discimage.error.Diagnostic d : reports) {
            assertEquals(3, d.lba());
        }
    }
}
