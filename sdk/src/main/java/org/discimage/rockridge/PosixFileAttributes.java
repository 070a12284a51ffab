package org.discimage.rockridge;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.susp.SuspEntry;

/**
 * PX (RRIP 1.12 4.1.1): st_mode, st_nlink, st_uid, st_gid and the file serial number (44 bytes);
 * the RRIP 1.09 form without serial number (36 bytes) has {@code serialNumber} -1.
 */
public record PosixFileAttributes(long mode, long links, long uid, long gid, long serialNumber) implements SuspEntry {
    @Override
    public String signature() {
        return "PX";
    }

    @Override
    public int length() {
        return serialNumber < 0 ? 36 : 44;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "PX", length());
        BothEndian.putInt32(b, mode);
        BothEndian.putInt32(b, links);
        BothEndian.putInt32(b, uid);
        BothEndian.putInt32(b, gid);
        if (serialNumber >= 0) {
            BothEndian.putInt32(b, serialNumber & 0xFFFF_FFFFL);
        }
    }
}
