package org.discimage.importer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.discimage.udf.IcbTag;
import org.discimage.udf.Timestamp;

/** Attribute mappings of the UDF reader: permissions, ids, times and device numbers. */
final class UdfAttributes {
    /** The extended attribute type of a device specification (ECMA-167 4/14.10.7). */
    private static final int DEVICE_SPECIFICATION = 12;

    private UdfAttributes() {
    }

    /**
     * POSIX permission bits of UDF permissions (ECMA-167 4/14.9.5; UDF 2.60 3.3.3.3): in each class
     * (owner bits 10-14, group 5-9, other 0-4) bit 2 read, bit 1 write, bit 0 execute; the change
     * attribute and delete bits have no POSIX equivalent. Setuid, setgid and sticky come from the ICB
     * tag flags (4/14.6.8 bits 6-8).
     */
    static int mode(long permissions, int icbFlags) {
        int p = (int) permissions;
        int mode = (p >> 10 & 7) << 6 | (p >> 5 & 7) << 3 | (p & 7);
        if ((icbFlags & IcbTag.FLAG_SETUID) != 0) {
            mode |= 04000;
        }
        if ((icbFlags & IcbTag.FLAG_SETGID) != 0) {
            mode |= 02000;
        }
        if ((icbFlags & IcbTag.FLAG_STICKY) != 0) {
            mode |= 01000;
        }
        return mode;
    }

    /** A uid or gid; 0xFFFFFFFF means "not specified" (ECMA-167 4/14.9.3) and is imported as 0. */
    static long id(long v) {
        return v == 0xFFFF_FFFFL ? 0 : v;
    }

    /** The instant of a timestamp, or null if its fields are not a valid time. */
    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The device number {@code major << 32 | minor} of a device specification extended attribute
     * (ECMA-167 4/14.10.7: type 12, then implementation use length, major, minor), or -1. The
     * extended attribute space starts with a 24-byte header descriptor (4/14.10.1); each attribute
     * has type (4), subtype (1), reserved (3) and its total length (4).
     */
    static long device(byte[] extendedAttributes) {
        ByteBuffer b = ByteBuffer.wrap(extendedAttributes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int n = 0; n < 1024 && at + 12 <= b.limit(); n++) {
            long type = b.getInt(at) & 0xFFFF_FFFFL;
            long len = b.getInt(at + 8) & 0xFFFF_FFFFL;
            if (len < 12 || len > b.limit() - at) {
                return -1;
            }
            if (type == DEVICE_SPECIFICATION && len >= 24) {
                return (b.getInt(at + 16) & 0xFFFF_FFFFL) << 32 | (b.getInt(at + 20) & 0xFFFF_FFFFL);
            }
            at += (int) len;
        }
        return -1;
    }
}
