package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "PX" entry, RRIP 1.12 4.1.1: POSIX file mode, links, user id, group id and file serial number (733
 * each); length 44. The RRIP 1.09/1.10 form has no serial number (length 36): it decodes with
 * {@code serialNumber} -1, and a negative serial number encodes the 36-byte form.
 */
public record PosixFileAttributes(long mode, long links, long uid, long gid, long serialNumber) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "PX";
    /** RRIP 1.12 length. */
    public static final int LENGTH = 44;
    /** RRIP 1.09/1.10 length (no serial number). */
    public static final int LENGTH_1_09 = 36;
    private static final String S = "RRIP PX";

    /** IllegalArgumentException unless the fields are unsigned 32-bit values (serialNumber may be negative). */
    public PosixFileAttributes {
        Decoding.checkUInt32(mode, "mode");
        Decoding.checkUInt32(links, "links");
        Decoding.checkUInt32(uid, "uid");
        Decoding.checkUInt32(gid, "gid");
        if (serialNumber >= 0) {
            Decoding.checkUInt32(serialNumber, "serialNumber");
        }
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        return serialNumber < 0 ? LENGTH_1_09 : LENGTH;
    }

    @Override
    public void encode(ByteBuffer b) {
        if (serialNumber >= 0) {
            put(b, mode, links, uid, gid, serialNumber);
            return;
        }
        SuspHeader.put(b, SIGNATURE, LENGTH_1_09, 1);
        BothEndian.putInt32(b, mode);
        BothEndian.putInt32(b, links);
        BothEndian.putInt32(b, uid);
        BothEndian.putInt32(b, gid);
    }

    /**
     * Writes the entry of {@link #LENGTH} bytes with a serial number, as {@link #encode(ByteBuffer)} of
     * the same fields would, without an object (one per directory record of a Rock Ridge tree).
     *
     * @throws IllegalArgumentException if a field is not a 32-bit unsigned number
     */
    public static void put(ByteBuffer b, long mode, long links, long uid, long gid, long serialNumber) {
        SuspHeader.put(b, SIGNATURE, LENGTH, 1);
        BothEndian.putInt32(b, mode);
        BothEndian.putInt32(b, links);
        BothEndian.putInt32(b, uid);
        BothEndian.putInt32(b, gid);
        BothEndian.putInt32(b, serialNumber);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length other than 36 or 44 or disagreeing halves. */
    public static PosixFileAttributes decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static PosixFileAttributes decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        int len = SuspHeader.read(b, SIGNATURE, LENGTH_1_09, LENGTH, S);
        if (len != LENGTH && len != LENGTH_1_09) {
            throw Decoding.malformed(S + ".length", at + 2, "length " + len + ", expected 36 or 44");
        }
        long mode = BothEndian.getInt32(b, S + ".mode", ctx);
        long links = BothEndian.getInt32(b, S + ".links", ctx);
        long uid = BothEndian.getInt32(b, S + ".uid", ctx);
        long gid = BothEndian.getInt32(b, S + ".gid", ctx);
        long ino = len == LENGTH ? BothEndian.getInt32(b, S + ".serialNumber", ctx) : -1;
        return new PosixFileAttributes(mode, links, uid, gid, ino);
    }
}
