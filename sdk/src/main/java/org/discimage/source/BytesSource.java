package org.discimage.source;

import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.io.ByteArrayInputStream;
import java.util.Objects;

/** Content held in a byte array. */
final class BytesSource implements ContentSource {
    private final byte[] bytes;

    BytesSource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public boolean isReadableConcurrently() {
        return true; // each channel opened on its own
    }

    @Override
    public String description() {
        return "byte[" + bytes.length + "]";
    }

    @Override
    public ReadableByteChannel openChannel() {
        return Channels.newChannel(new ByteArrayInputStream(bytes));
    }
}
