package org.discimage.recorder.transport.windows;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.NativeTransfer;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * SCSI pass-through on Windows: {@code DeviceIoControl(IOCTL_SCSI_PASS_THROUGH_DIRECT)} on
 * {@code \\.\X:} with a {@link ScsiPassThroughDirect} block (docs/formats.md §7.2). The handle is opened
 * GENERIC_READ|GENERIC_WRITE with read/write sharing (write commands need write access; pass-through of
 * them normally needs administrator rights). Not exercised on this project's Linux CI beyond the struct
 * layout.
 */
public final class WindowsSptiTransport implements ScsiTransport {
    /** Sense bytes reserved after the struct. */
    static final int SENSE_MAX = 32;

    private final String device;
    private final ScsiPassThroughDirect layout;
    private final Memory block;
    private final Memory returned;
    private Pointer handle;

    private WindowsSptiTransport(String device, Pointer handle) {
        this.device = device;
        this.handle = handle;
        this.layout = ScsiPassThroughDirect.forPointerSize(Native.POINTER_SIZE, SENSE_MAX);
        this.block = new Memory(layout.blockSize);
        this.returned = new Memory(4);
    }

    /**
     * Opens a drive.
     *
     * @param device {@code \\.\E:} or {@code \\.\CdRom0}
     * @throws DiscImageException {@link ErrorCode#RECORDER_TRANSPORT_FAILURE} with GetLastError when the
     *                            device cannot be opened, or when not running on Windows
     */
    public static WindowsSptiTransport open(String device) throws DiscImageException {
        Objects.requireNonNull(device, "device");
        if (!Platform.isWindows()) {
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "device " + device
                    + ": SCSI pass-through via SPTI exists only on Windows (this is " + System.getProperty("os.name")
                    + ")");
        }
        Kernel32 k = Kernel32.get();
        Pointer h = k.createFile(device, Kernel32.GENERIC_READ | Kernel32.GENERIC_WRITE,
                Kernel32.FILE_SHARE_READ | Kernel32.FILE_SHARE_WRITE, Kernel32.OPEN_EXISTING);
        if (h == null) {
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE,
                    "device " + device + " cannot be opened read-write: Win32 error " + Kernel32.lastError());
        }
        return new WindowsSptiTransport(device, h);
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout)
            throws DiscImageException {
        ScsiTransport.checkArguments(cdb, direction, data, timeout);
        if (handle == null) {
            throw new IllegalStateException("transport for " + device + " is closed");
        }
        try (NativeTransfer transfer = NativeTransfer.of(direction, data)) {
            int length = transfer.length();
            Pointer dataPointer = transfer.pointer();
            int dir = switch (direction) {
                case NONE -> ScsiPassThroughDirect.DATA_UNSPECIFIED;
                case TO_DEVICE -> ScsiPassThroughDirect.DATA_OUT;
                case FROM_DEVICE -> ScsiPassThroughDirect.DATA_IN;
            };
            // TimeOutValue is in seconds: round up so a sub-second timeout is not 0 (= no timeout)
            long seconds = Math.max(1, Math.min((timeout.toMillis() + 999) / 1000, Integer.MAX_VALUE));
            ByteBuffer view = block.getByteBuffer(0, layout.blockSize);
            layout.encode(view, cdb, dir, length, Pointer.nativeValue(dataPointer), (int) seconds);
            long start = System.nanoTime();
            boolean ok = Kernel32.get().deviceIoControl(handle,
                    ScsiPassThroughDirect.IOCTL_SCSI_PASS_THROUGH_DIRECT, block, layout.blockSize, returned);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!ok) {
                int error = Kernel32.lastError();
                // ERROR_SEM_TIMEOUT (121): the port driver's timeout expired
                ErrorCode code = error == 121 ? ErrorCode.RECORDER_COMMAND_TIMEOUT
                        : ErrorCode.RECORDER_TRANSPORT_FAILURE;
                throw new DiscImageException(code, String.format(
                        "device %s rejected IOCTL_SCSI_PASS_THROUGH_DIRECT for CDB opcode %02Xh: Win32 error %d",
                        device, cdb[0] & 0xFF, error));
            }
            int transferred = Math.max(0, Math.min(layout.transferred(view), length));
            transfer.complete(transferred);
            int status = layout.status(view);
            int senseLength = status == 0 ? 0 : layout.senseLength(view);
            byte[] sense = block.getByteArray(layout.senseOffset, senseLength);
            return new ScsiResult(status, sense, length - transferred, took);
        }
    }

    @Override
    public void close() throws DiscImageException {
        if (handle == null) {
            return;
        }
        boolean ok = Kernel32.get().closeHandle(handle);
        handle = null;
        block.close();
        returned.close();
        if (!ok) {
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE,
                    "device " + device + ": CloseHandle failed: Win32 error " + Kernel32.lastError());
        }
    }
}
