package org.discimage.recorder.transport.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Layout of {@code SCSI_PASS_THROUGH_DIRECT} ({@code ntddscsi.h}) followed by the sense buffer, as one
 * block passed as both input and output of {@code DeviceIoControl} (docs/formats.md §7.2). 56 bytes on
 * 64-bit Windows (LLP64: {@code DataBuffer} aligned to 8, struct padded to 8), 44 on 32-bit.
 *
 * <p>Fields: Length (u16), ScsiStatus, PathId, TargetId, Lun, CdbLength, SenseInfoLength, DataIn (u8
 * each), DataTransferLength, TimeOutValue (u32, seconds), DataBuffer (pointer), SenseInfoOffset (u32),
 * Cdb[16].
 */
final class ScsiPassThroughDirect {
    /** {@code IOCTL_SCSI_PASS_THROUGH_DIRECT} = CTL_CODE(4, 0x405, METHOD_BUFFERED, READ|WRITE access). */
    static final int IOCTL_SCSI_PASS_THROUGH_DIRECT = ctlCode(0x4, 0x405, 0, 3);
    /** {@code SCSI_IOCTL_DATA_OUT}. */
    static final int DATA_OUT = 0;
    /** {@code SCSI_IOCTL_DATA_IN}. */
    static final int DATA_IN = 1;
    /** {@code SCSI_IOCTL_DATA_UNSPECIFIED} (no data phase). */
    static final int DATA_UNSPECIFIED = 2;

    final int pointerSize;
    final int length = 0;
    final int scsiStatus = 2;
    final int pathId = 3;
    final int targetId = 4;
    final int lun = 5;
    final int cdbLength = 6;
    final int senseInfoLength = 7;
    final int dataIn = 8;
    final int dataTransferLength = 12;
    final int timeOutValue = 16;
    final int dataBuffer;
    final int senseInfoOffset;
    final int cdb;
    /** sizeof(SCSI_PASS_THROUGH_DIRECT). */
    final int size;
    /** Where the sense buffer starts in the combined block (right after the struct). */
    final int senseOffset;
    /** Sense bytes reserved after the struct. */
    final int senseMax;
    /** Size of the whole block: struct + sense buffer. */
    final int blockSize;

    private ScsiPassThroughDirect(int pointerSize, int senseMax) {
        if (pointerSize != 4 && pointerSize != 8) {
            throw new IllegalArgumentException("pointer size " + pointerSize);
        }
        this.pointerSize = pointerSize;
        dataBuffer = align(20, pointerSize);
        senseInfoOffset = dataBuffer + pointerSize;
        cdb = senseInfoOffset + 4;
        size = align(cdb + 16, pointerSize);
        senseOffset = size;
        this.senseMax = senseMax;
        blockSize = senseOffset + senseMax;
    }

    /** The layout for a pointer size, with room for {@code senseMax} sense bytes (at most 255). */
    static ScsiPassThroughDirect forPointerSize(int pointerSize, int senseMax) {
        if (senseMax < 18 || senseMax > 255) {
            throw new IllegalArgumentException("sense buffer " + senseMax);
        }
        return new ScsiPassThroughDirect(pointerSize, senseMax);
    }

    /** Windows' CTL_CODE macro: (type << 16) | (access << 14) | (function << 2) | method. */
    static int ctlCode(int deviceType, int function, int method, int access) {
        return (deviceType << 16) | (access << 14) | (function << 2) | method;
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** Fills the block (little endian, zeroed first) for one command. */
    void encode(ByteBuffer block, byte[] commandBytes, int direction, int dataLength, long dataAddress,
            int timeoutSeconds) {
        ByteBuffer b = block.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < blockSize; i++) {
            b.put(i, (byte) 0);
        }
        b.putShort(length, (short) size);
        b.put(cdbLength, (byte) commandBytes.length);
        b.put(senseInfoLength, (byte) senseMax);
        b.put(dataIn, (byte) direction);
        b.putInt(dataTransferLength, dataLength);
        b.putInt(timeOutValue, timeoutSeconds);
        if (pointerSize == 8) {
            b.putLong(dataBuffer, dataAddress);
        } else {
            b.putInt(dataBuffer, (int) dataAddress);
        }
        b.putInt(senseInfoOffset, senseOffset);
        for (int i = 0; i < commandBytes.length; i++) {
            b.put(cdb + i, commandBytes[i]);
        }
    }

    /** ScsiStatus after the call. */
    int status(ByteBuffer block) {
        return block.get(scsiStatus) & 0xFF;
    }

    /** DataTransferLength after the call: the bytes actually transferred. */
    int transferred(ByteBuffer block) {
        return block.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(dataTransferLength);
    }

    /** SenseInfoLength after the call: the sense bytes the port driver returned. */
    int senseLength(ByteBuffer block) {
        return Math.min(block.get(senseInfoLength) & 0xFF, senseMax);
    }
}
