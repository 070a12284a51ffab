package org.discimage.recorder.mmc;

import java.util.Arrays;
import java.util.OptionalInt;

import org.discimage.error.DiscImageException;

/**
 * Decoded sense data (SPC; formats.md §6.3). Fixed format (response code 70h current / 71h deferred): [2]
 * bits3-0 sense key, [7] additional length, [12] ASC, [13] ASCQ, [15] bit7 SKSV with the progress indication
 * in [16..17] (0..65535) during format, blank, close and sync. Descriptor format (72h/73h): [1] key, [2] ASC,
 * [3] ASCQ, [7] additional length, descriptors from [8]; the sense-key specific descriptor (type 02h) holds
 * SKSV at its byte 4 bit 7 and the progress at bytes 5..6.
 *
 * @param responseCode 70h, 71h, 72h or 73h
 * @param key          sense key
 * @param asc          additional sense code
 * @param ascq         additional sense code qualifier
 * @param progress     progress 0..65535 when SKSV is set with NOT READY (format/blank/close in progress)
 * @param raw          the sense bytes as received (a copy)
 */
public record SenseData(int responseCode, SenseKey key, int asc, int ascq, OptionalInt progress, byte[] raw) {
    private static final String WHAT = "sense data";

    /** Copies the bytes. */
    public SenseData {
        raw = raw.clone();
    }

    /** The bytes as received (a copy). */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Whether this is deferred sense (71h/73h): it reports an earlier command, e.g. a cached WRITE. */
    public boolean deferred() {
        return responseCode == 0x71 || responseCode == 0x73;
    }

    /**
     * Decodes sense bytes.
     *
     * @throws DiscImageException {@link org.discimage.error.ErrorCode#RECORDER_INVALID_RESPONSE_FROM_DEVICE}
     *                            naming the byte when the response code is unknown or the bytes are too few
     */
    public static SenseData decode(byte[] sense) throws DiscImageException {
        if (sense.length < 1) {
            throw Bytes.malformed(WHAT, 0, "no sense bytes");
        }
        int code = sense[0] & 0x7F;
        switch (code) {
            case 0x70, 0x71 -> {
                if (sense.length < 14) {
                    throw Bytes.malformed(WHAT, sense.length, "fixed format sense of " + sense.length
                            + " bytes, at least 14 needed for ASC/ASCQ");
                }
                SenseKey key = SenseKey.of(sense[2]);
                OptionalInt progress = OptionalInt.empty();
                int available = Math.min(sense.length, 8 + (sense[7] & 0xFF));
                if (available >= 18 && (sense[15] & 0x80) != 0 && key == SenseKey.NOT_READY) {
                    progress = OptionalInt.of(((sense[16] & 0xFF) << 8) | (sense[17] & 0xFF));
                }
                return new SenseData(code, key, sense[12] & 0xFF, sense[13] & 0xFF, progress, sense);
            }
            case 0x72, 0x73 -> {
                if (sense.length < 8) {
                    throw Bytes.malformed(WHAT, sense.length, "descriptor format sense of " + sense.length
                            + " bytes, at least 8 needed");
                }
                SenseKey key = SenseKey.of(sense[1]);
                OptionalInt progress = OptionalInt.empty();
                int end = Math.min(sense.length, 8 + (sense[7] & 0xFF));
                int off = 8;
                while (off + 2 <= end) {
                    int type = sense[off] & 0xFF;
                    int len = sense[off + 1] & 0xFF;
                    if (off + 2 + len > end) {
                        throw Bytes.malformed(WHAT, off + 1, "sense descriptor type " + type + " length " + len
                                + " runs past the additional length");
                    }
                    if (type == 0x02 && len >= 6 && (sense[off + 4] & 0x80) != 0 && key == SenseKey.NOT_READY) {
                        progress = OptionalInt.of(((sense[off + 5] & 0xFF) << 8) | (sense[off + 6] & 0xFF));
                    }
                    off += 2 + len;
                }
                return new SenseData(code, key, sense[2] & 0xFF, sense[3] & 0xFF, progress, sense);
            }
            default -> throw Bytes.malformed(WHAT, 0, String.format("response code %02Xh (70h..73h expected)", code));
        }
    }

    /** The table entry for this sense. */
    public SenseTable.Entry lookup() {
        return SenseTable.lookup(key, asc, ascq);
    }

    /** "5/24/00" form, as libburn and growisofs print sense. */
    public String triple() {
        return String.format("%X/%02X/%02X", key.value(), asc, ascq);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenseData s && Arrays.equals(s.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "SenseData[" + triple() + " " + lookup().message() + (deferred() ? ", deferred" : "")
                + progress.stream().mapToObj(p -> ", progress " + p).findFirst().orElse("") + "]";
    }
}
