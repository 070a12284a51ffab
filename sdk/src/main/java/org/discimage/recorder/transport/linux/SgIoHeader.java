package org.discimage.recorder.transport.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Layout of Linux's {@code struct sg_io_hdr} ({@code <scsi/sg.h>}), computed with the C alignment
 * rules for a given pointer size: 88 bytes on LP64 (x86_64, aarch64) and 64 bytes on ILP32 (i386).
 * The x86_64 offsets are those of docs/formats.md §7.1, measured there with gcc; the tests check them
 * once more against gcc's {@code offsetof} on this machine.
 *
 * <p>Field order (all {@code int} unless noted): interface_id, dxfer_direction, cmd_len (u8),
 * mx_sb_len (u8), iovec_count (u16), dxfer_len (u32), dxferp, cmdp, sbp (pointers), timeout (ms),
 * flags, pack_id, usr_ptr (pointer), status, masked_status, msg_status, sb_len_wr (u8 each),
 * host_status, driver_status (u16), resid, duration, info.
 */
final class SgIoHeader {
    /** {@code interface_id} must be {@code 'S'}. */
    static final int INTERFACE_ID = 'S';
    /** {@code SG_DXFER_NONE}. */
    static final int SG_DXFER_NONE = -1;
    /** {@code SG_DXFER_TO_DEV}. */
    static final int SG_DXFER_TO_DEV = -2;
    /** {@code SG_DXFER_FROM_DEV}. */
    static final int SG_DXFER_FROM_DEV = -3;
    /** {@code info} bit 0: something abnormal happened (status, host or driver status non-zero). */
    static final int SG_INFO_CHECK = 1;

    final int pointerSize;
    final int interfaceId = 0;
    final int dxferDirection = 4;
    final int cmdLen = 8;
    final int mxSbLen = 9;
    final int iovecCount = 10;
    final int dxferLen = 12;
    final int dxferp;
    final int cmdp;
    final int sbp;
    final int timeout;
    final int flags;
    final int packId;
    final int usrPtr;
    final int status;
    final int maskedStatus;
    final int msgStatus;
    final int sbLenWr;
    final int hostStatus;
    final int driverStatus;
    final int resid;
    final int duration;
    final int info;
    final int size;

    private SgIoHeader(int pointerSize) {
        if (pointerSize != 4 && pointerSize != 8) {
            throw new IllegalArgumentException("pointer size " + pointerSize);
        }
        this.pointerSize = pointerSize;
        int off = align(16, pointerSize); // after dxfer_len (12..15) the first pointer
        dxferp = off;
        cmdp = dxferp + pointerSize;
        sbp = cmdp + pointerSize;
        timeout = sbp + pointerSize;
        flags = timeout + 4;
        packId = flags + 4;
        usrPtr = align(packId + 4, pointerSize); // LP64: 4 bytes of padding before usr_ptr (52..55)
        status = usrPtr + pointerSize;
        maskedStatus = status + 1;
        msgStatus = status + 2;
        sbLenWr = status + 3;
        hostStatus = status + 4;
        driverStatus = status + 6;
        resid = status + 8;
        duration = resid + 4;
        info = duration + 4;
        size = align(info + 4, pointerSize); // struct alignment = that of its pointers
    }

    /** The layout for the running JVM's pointer size. */
    static SgIoHeader forPointerSize(int pointerSize) {
        return new SgIoHeader(pointerSize);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /**
     * Writes the request half of the header into {@code hdr} (native byte order, zeroed first).
     *
     * @param timeoutMillis SG_IO's timeout is in milliseconds (unsigned int)
     */
    void encodeRequest(ByteBuffer hdr, int direction, int cdbLength, int senseMax, int dataLength,
            long dataAddress, long cdbAddress, long senseAddress, int timeoutMillis) {
        ByteBuffer b = hdr.duplicate().order(ByteOrder.nativeOrder());
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) 0);
        }
        b.putInt(interfaceId, INTERFACE_ID);
        b.putInt(dxferDirection, direction);
        b.put(cmdLen, (byte) cdbLength);
        b.put(mxSbLen, (byte) senseMax);
        b.putShort(iovecCount, (short) 0);
        b.putInt(dxferLen, dataLength);
        putPointer(b, dxferp, dataAddress);
        putPointer(b, cmdp, cdbAddress);
        putPointer(b, sbp, senseAddress);
        b.putInt(timeout, timeoutMillis);
    }

    private void putPointer(ByteBuffer b, int offset, long address) {
        if (pointerSize == 8) {
            b.putLong(offset, address);
        } else {
            b.putInt(offset, (int) address);
        }
    }

    /** The reply half of a header after the ioctl returned. */
    record Reply(int status, int senseLength, int hostStatus, int driverStatus, int resid, int durationMillis,
            int info) {
    }

    /** Reads the reply fields. */
    Reply decodeReply(ByteBuffer hdr) {
        ByteBuffer b = hdr.duplicate().order(ByteOrder.nativeOrder());
        return new Reply(b.get(status) & 0xFF, b.get(sbLenWr) & 0xFF, b.getShort(hostStatus) & 0xFFFF,
                b.getShort(driverStatus) & 0xFFFF, b.getInt(resid), b.getInt(duration), b.getInt(info));
    }
}
