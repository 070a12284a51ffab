package org.discimage.susp;

import java.nio.ByteBuffer;

/** SP (SUSP 1.12 5.3): check bytes BE EF and the bytes to skip in each System Use area. */
public record SharingProtocolIndicator(int bytesSkipped) implements SuspEntry {
    @Override
    public String signature() {
        return "SP";
    }

    @Override
    public int length() {
        return 7;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "SP", 7);
        b.put((byte) 0xBE).put((byte) 0xEF).put((byte) bytesSkipped);
    }
}
