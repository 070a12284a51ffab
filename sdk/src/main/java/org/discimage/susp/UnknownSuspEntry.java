package org.discimage.susp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Any System Use entry this library does not interpret, kept as bytes. */
public record UnknownSuspEntry(String signature, int version, byte[] data) implements SuspEntry {
    @Override
    public int length() {
        return 4 + data.length;
    }

    @Override
    public void encode(ByteBuffer b) {
        b.put((byte) signature.charAt(0)).put((byte) signature.charAt(1)).put((byte) length()).put((byte) version);
        b.put(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSuspEntry u && u.signature.equals(signature) && u.version == version
                && Arrays.equals(u.data, data);
    }

    @Override
    public int hashCode() {
        return signature.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "UnknownSuspEntry[" + signature + ", " + data.length + " bytes]";
    }
}
