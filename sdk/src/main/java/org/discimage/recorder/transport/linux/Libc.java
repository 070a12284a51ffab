package org.discimage.recorder.transport.linux;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The four libc calls the SG_IO transport needs, bound through JNA's {@link Function} directly (no
 * proxy interface, so nothing has to be opened to JNA's reflection under JPMS).
 */
final class Libc {
    /** open(2) flag O_RDWR (Linux, all architectures). */
    static final int O_RDWR = 2;
    /** open(2) flag O_NONBLOCK = O_NDELAY on Linux x86/arm: 04000 octal. */
    static final int O_NONBLOCK = 0x800;
    /** open(2) flag O_CLOEXEC (02000000 octal): keep the drive's descriptor out of child processes. */
    static final int O_CLOEXEC = 0x80000;

    private static final Libc INSTANCE = new Libc();

    private final Function open;
    private final Function ioctl;
    private final Function close;
    private final Function strerror;

    private Libc() {
        NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        open = c.getFunction("open");
        ioctl = c.getFunction("ioctl");
        close = c.getFunction("close");
        strerror = c.getFunction("strerror");
    }

    static Libc get() {
        return INSTANCE;
    }

    /** open(2); returns the descriptor or −errno. */
    int open(String path, int flags) {
        int fd = open.invokeInt(new Object[] {path, flags});
        return fd >= 0 ? fd : -Native.getLastError();
    }

    /** ioctl(2) with a pointer argument; returns the result or −errno. */
    int ioctl(int fd, long request, Pointer arg) {
        int rc = ioctl.invokeInt(new Object[] {fd, new NativeLong(request), arg});
        return rc >= 0 ? rc : -Native.getLastError();
    }

    /** close(2); returns 0 or −errno. */
    int close(int fd) {
        int rc = close.invokeInt(new Object[] {fd});
        return rc == 0 ? 0 : -Native.getLastError();
    }

    /** "ENOTTY (Inappropriate ioctl for device)" for errno 25. */
    String describe(int errno) {
        String text = strerror.invokeString(new Object[] {errno}, false);
        return errnoName(errno) + " (" + text + ")";
    }

    /** Symbolic names of the errno values a device open or SG_IO commonly fails with. */
    static String errnoName(int errno) {
        return switch (errno) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 5 -> "EIO";
            case 6 -> "ENXIO";
            case 12 -> "ENOMEM";
            case 13 -> "EACCES";
            case 16 -> "EBUSY";
            case 19 -> "ENODEV";
            case 21 -> "EISDIR";
            case 22 -> "EINVAL";
            case 25 -> "ENOTTY";
            case 30 -> "EROFS";
            case 123 -> "ENOMEDIUM";
            default -> "errno " + errno;
        };
    }
}
