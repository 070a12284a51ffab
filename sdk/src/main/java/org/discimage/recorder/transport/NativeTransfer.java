package org.discimage.recorder.transport;

import java.nio.ByteBuffer;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The data phase of one pass-through command as native memory: a direct buffer is handed to the
 * driver in place; a heap buffer goes through a bounce buffer, copied in before a write and out
 * after a read straight from and to its backing array. Shared by the SG_IO and SPTI transports.
 */
public final class NativeTransfer implements AutoCloseable {
    private final ByteBuffer data;
    private final DataDirection direction;
    private final int length;
    private final Memory bounce;
    private final Pointer pointer;

    private NativeTransfer(ByteBuffer data, DataDirection direction, int length, Memory bounce, Pointer pointer) {
        this.data = data;
        this.direction = direction;
        this.length = length;
        this.bounce = bounce;
        this.pointer = pointer;
    }

    /** The data phase of {@code direction} over the remaining bytes of {@code data} (none for NONE). */
    public static NativeTransfer of(DataDirection direction, ByteBuffer data) {
        int length = direction == DataDirection.NONE ? 0 : data.remaining();
        if (length == 0) {
            return new NativeTransfer(data, direction, 0, null, null);
        }
        if (data.isDirect()) {
            return new NativeTransfer(data, direction, length, null,
                    Native.getDirectBufferPointer(data).share(data.position()));
        }
        Memory bounce = new Memory(length);
        if (direction == DataDirection.TO_DEVICE) {
            if (data.hasArray()) {
                bounce.write(0, data.array(), data.arrayOffset() + data.position(), length);
            } else {
                byte[] copy = new byte[length];
                data.duplicate().get(copy);
                bounce.write(0, copy, 0, length);
            }
        }
        return new NativeTransfer(data, direction, length, bounce, bounce);
    }

    /** Bytes in the data phase. */
    public int length() {
        return length;
    }

    /** The native address of the data, or null when there is none. */
    public Pointer pointer() {
        return pointer;
    }

    /**
     * Moves the caller's buffer past the {@code transferred} bytes (copying a read out of the bounce
     * buffer first), as {@link ScsiTransport#execute} promises.
     */
    public void complete(int transferred) {
        if (transferred <= 0 || direction == DataDirection.NONE) {
            return;
        }
        if (direction == DataDirection.FROM_DEVICE && bounce != null) {
            if (data.hasArray()) {
                bounce.read(0, data.array(), data.arrayOffset() + data.position(), transferred);
                data.position(data.position() + transferred);
            } else {
                data.put(bounce.getByteArray(0, transferred));
            }
        } else {
            data.position(data.position() + transferred);
        }
    }

    @Override
    public void close() {
        if (bounce != null) {
            bounce.close();
        }
    }
}
