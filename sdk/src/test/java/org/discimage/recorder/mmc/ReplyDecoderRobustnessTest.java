package org.discimage.recorder.mmc;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Adversarial replies: every decoder is fed every prefix of a valid reply and seeded random corruptions of it;
 * the answer is a value or a DiscImageException with RECORDER_INVALID_RESPONSE_FROM_DEVICE, never another
 * exception.
 */
class ReplyDecoderRobustnessTest {
    interface Decoder {
        Object decode(ByteBuffer b) throws DiscImageException;
    }

    private static final HexFormat HEX = HexFormat.of();

    private static Map<String, Object[]> cases() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        byte[] inquiry = new byte[36];
        inquiry[0] = 5;
        inquiry[4] = 31;
        m.put("INQUIRY", new Object[] {inquiry, (Decoder) InquiryData::decode});
        m.put("GET CONFIGURATION", new Object[] {HEX.parseHex("00000020000000" + "1b" + "000003080" + "01b0100001a0000"
                + "0021050401000010" + "002f020440000000"), (Decoder) Configuration::decode});
        m.put("READ CAPACITY", new Object[] {HEX.parseHex("0023053f00000800"), (Decoder) CapacityData::decode});
        m.put("TOC", new Object[] {HEX.parseHex("001a01020014010000000000001402000000" + "2ee00016aa0000010000"),
            (Decoder) b -> Toc.decode(b, false)});
        m.put("TOC MSF", new Object[] {HEX.parseHex("001201010014010000000200" + "0014aa0000022800"),
            (Decoder) b -> Toc.decode(b, true)});
        m.put("SESSION INFO", new Object[] {HEX.parseHex("000a01020014030000002ee0"),
            (Decoder) b -> SessionInfo.decode(b, false)});
        byte[] disc = new byte[34];
        disc[1] = 32;
        disc[2] = 5;
        disc[3] = disc[4] = disc[5] = disc[6] = 1;
        m.put("DISC INFORMATION", new Object[] {disc, (Decoder) DiscInformation::decode});
        byte[] track = new byte[48];
        track[1] = 46;
        track[2] = track[3] = 1;
        track[7] = 3;
        m.put("TRACK INFORMATION", new Object[] {track, (Decoder) TrackInformation::decode});
        byte[] mode = new byte[60];
        mode[1] = 58;
        mode[8] = 5;
        mode[9] = 0x32;
        m.put("PAGE 05h", new Object[] {mode, (Decoder) WriteParametersPage::decode});
        m.put("WRITE SPEEDS", new Object[] {HEX.parseHex("000000240000000000000000" + "0023053f00002b4800002b48"
                + "1a0000000023053f00002b48000015a4"), (Decoder) Performance::decodeWriteSpeeds});
        m.put("NOMINAL", new Object[] {HEX.parseHex("0000001400000000000000000000100000000100" + "00002000"),
            (Decoder) Performance::decodeNominal});
        m.put("BUFFER CAPACITY", new Object[] {HEX.parseHex("000a00000020000000080000"),
            (Decoder) BufferCapacity::decode});
        m.put("FORMAT CAPACITIES", new Object[] {HEX.parseHex("0000001000ba74000100080000ba7400c4000800"),
            (Decoder) FormatCapacities::decode});
        m.put("SENSE", new Object[] {HEX.parseHex("700002000000000a00000000040400800100"),
            (Decoder) b -> {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                return SenseData.decode(a);
            }});
        return m;
    }

    private static void attempt(String name, Decoder d, byte[] reply, String what) {
        try {
            d.decode(ByteBuffer.wrap(reply));
        } catch (DiscImageException e) {
            if (e.code() != ErrorCode.RECORDER_INVALID_RESPONSE_FROM_DEVICE) {
                fail(name + " " + what + ": code " + e.code());
            }
        } catch (RuntimeException e) {
            throw new AssertionError(name + " " + what + " (" + HEX.formatHex(reply) + "): " + e, e);
        }
    }

    @Test
    void everyPrefixAndRandomCorruption() throws Exception {
        Random random = new Random(20261123);
        for (Map.Entry<String, Object[]> c : cases().entrySet()) {
            byte[] valid = (byte[]) c.getValue()[0];
            Decoder d = (Decoder) c.getValue()[1];
            d.decode(ByteBuffer.wrap(valid)); // the valid reply decodes
            for (int n = 0; n < valid.length; n++) {
                attempt(c.getKey(), d, java.util.Arrays.copyOf(valid, n), "prefix " + n);
            }
            for (int i = 0; i < 2000; i++) {
                byte[] bad = valid.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                }
                attempt(c.getKey(), d, bad, "corruption " + i);
            }
        }
    }
}
