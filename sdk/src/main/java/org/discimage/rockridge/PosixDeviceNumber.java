package org.discimage.rockridge;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.susp.SuspEntry;

/**
 * PN (RRIP 1.12 4.1.2): the device number of a block or character device, high and low 32 bits.
 * Read from other producers' images; the user tree has no device items yet, so discimage writes none.
 */
public record PosixDeviceNumber(long high, long low) implements SuspEntry {
    @Override
    public String signature() {
        return "PN";
    }

    @Override
    public int length() {
        return 20;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "PN", 20);
        BothEndian.putInt32(b, high);
        BothEndian.putInt32(b, low);
    }
}
