package org.discimage.recorder.transport.windows;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.WString;

/**
 * The kernel32 calls the SPTI transport and drive enumeration need, bound through JNA's {@link Function}
 * with the stdcall convention ({@code WINAPI}; the same as the C convention on 64-bit). Loaded lazily:
 * only on Windows.
 */
final class Kernel32 {
    static final int GENERIC_READ = 0x80000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int FILE_SHARE_READ = 1;
    static final int FILE_SHARE_WRITE = 2;
    static final int OPEN_EXISTING = 3;
    /** GetDriveType: DRIVE_CDROM. */
    static final int DRIVE_CDROM = 5;

    private static Kernel32 instance;

    private final Function createFile;
    private final Function deviceIoControl;
    private final Function closeHandle;
    private final Function getLogicalDrives;
    private final Function getDriveType;

    private Kernel32() {
        NativeLibrary k = NativeLibrary.getInstance("kernel32");
        createFile = k.getFunction("CreateFileW", Function.ALT_CONVENTION);
        deviceIoControl = k.getFunction("DeviceIoControl", Function.ALT_CONVENTION);
        closeHandle = k.getFunction("CloseHandle", Function.ALT_CONVENTION);
        getLogicalDrives = k.getFunction("GetLogicalDrives", Function.ALT_CONVENTION);
        getDriveType = k.getFunction("GetDriveTypeW", Function.ALT_CONVENTION);
    }

    static synchronized Kernel32 get() {
        if (instance == null) {
            instance = new Kernel32();
        }
        return instance;
    }

    /** CreateFileW; returns the handle or null on INVALID_HANDLE_VALUE (GetLastError in {@link #lastError}). */
    Pointer createFile(String path, int access, int share, int disposition) {
        Pointer h = createFile.invokePointer(new Object[] {new WString(path), access, share, null, disposition,
                0, null});
        // INVALID_HANDLE_VALUE is (HANDLE)-1: all ones in 64 bits, or in 32 bits when JNA does not sign-extend
        long v = Pointer.nativeValue(h);
        return h == null || v == -1L || (Native.POINTER_SIZE == 4 && v == 0xFFFF_FFFFL) ? null : h;
    }

    /** DeviceIoControl with the same block in and out; returns false on failure. */
    boolean deviceIoControl(Pointer handle, int code, Pointer block, int size, Pointer returned) {
        return deviceIoControl.invokeInt(new Object[] {handle, code, block, size, block, size, returned,
                null}) != 0;
    }

    boolean closeHandle(Pointer handle) {
        return closeHandle.invokeInt(new Object[] {handle}) != 0;
    }

    int getLogicalDrives() {
        return getLogicalDrives.invokeInt(new Object[0]);
    }

    int getDriveType(String root) {
        return getDriveType.invokeInt(new Object[] {new WString(root)});
    }

    /** GetLastError of the last call on this thread (JNA preserves it). */
    static int lastError() {
        return Native.getLastError();
    }
}
