package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.discimage.codec.BothEndian;
import org.discimage.codec.IsoStrings;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The layout shared by the primary (ECMA-119 8.4) and supplementary (8.5) volume descriptors: the
 * same offsets, with text as a-characters in the PVD and UCS-2 in a Joliet SVD.
 */
final class VolumeDescriptorFields {
    static final int LENGTH = 2048;

    private VolumeDescriptorFields() {
    }

    static void text(ByteBuffer b, String s, int len, boolean ucs2) {
        if (ucs2) {
            IsoStrings.putUcs2Padded(b, s, len);
        } else {
            IsoStrings.putPadded(b, s, len);
        }
    }

    static String text(ByteBuffer b, int len, boolean ucs2) {
        return ucs2 ? IsoStrings.getUcs2Trimmed(b, len) : IsoStrings.getTrimmed(b, len);
    }

    /** Writes type, "CD001", version (8.4.1-8.4.3). */
    static int header(ByteBuffer b, VolumeDescriptorType type) {
        int start = b.position();
        b.put((byte) type.code()).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
        return start;
    }

    /** Checks type, "CD001", version. */
    static int header(ByteBuffer b, VolumeDescriptorType type, String what) throws DiscImageException {
        BothEndian.need(b, LENGTH, what);
        int start = b.position();
        byte[] id = new byte[5];
        int t = b.get() & 0xFF;
        b.get(id);
        int version = b.get() & 0xFF;
        if (t != type.code() || !"CD001".equals(new String(id, StandardCharsets.US_ASCII))) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": type " + t + " / identifier \""
                    + new String(id, StandardCharsets.ISO_8859_1) + "\" instead of " + type.code() + " / CD001");
        }
        if (version != 1) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": version " + version + " is not 1");
        }
        return start;
    }

    static void zeros(ByteBuffer b, int n) {
        for (int i = 0; i < n; i++) {
            b.put((byte) 0);
        }
    }

    static DirectoryRecord root(ByteBuffer b, String what) throws DiscImageException {
        int at = b.position();
        DirectoryRecord r = DirectoryRecord.decode(b);
        if (r.length() != 34 || !r.isDot()) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": root directory record is not a "
                    + "34-byte \".\" record");
        }
        b.position(at + 34);
        return r;
    }
}
