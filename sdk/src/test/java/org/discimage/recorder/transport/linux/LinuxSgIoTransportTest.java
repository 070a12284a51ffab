package org.discimage.recorder.transport.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.jna.Platform;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.DataDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real JNA binding of open(2)/ioctl(SG_IO) on files that are not SCSI devices: clean errors, no crash. */
class LinuxSgIoTransportTest {
    /** INQUIRY, 36 bytes. */
    private static final byte[] INQUIRY = {0x12, 0, 0, 0, 36, 0};

    @TempDir
    Path tmp;

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Platform.isLinux(), "SG_IO is Linux-only");
    }

    @Test
    void sgIoOnRegularFileFailsWithEnotty() throws Exception {
        Path file = Files.write(tmp.resolve("not-a-drive.bin"), new byte[4096]);
        try (LinuxSgIoTransport t = LinuxSgIoTransport.openUnchecked(file.toString())) {
            ByteBuffer reply = ByteBuffer.allocateDirect(36);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> t.execute(INQUIRY, DataDirection.FROM_DEVICE, reply, Duration.ofSeconds(5)));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("ENOTTY"), e.getMessage());
            assertTrue(e.getMessage().contains("12h"), e.getMessage());
            assertEquals(0, reply.position(), "nothing was received");
        }
        assertEquals(4096, Files.size(file), "the file is untouched");
    }

    @Test
    void sgIoOnDevNullWithHeapBufferFails() throws Exception {
        try (LinuxSgIoTransport t = LinuxSgIoTransport.openUnchecked("/dev/null")) {
            DiscImageException e = assertThrows(DiscImageException.class, () -> t.execute(INQUIRY,
                    DataDirection.FROM_DEVICE, ByteBuffer.allocate(36), Duration.ofSeconds(5)));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code());
            assertTrue(e.getMessage().contains("/dev/null"), e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*(ENOTTY|EINVAL).*"), e.getMessage());
        }
    }

    @Test
    void openProbesWithSgGetVersionNum() {
        for (String device : new String[] {"/dev/null", "/dev/zero"}) {
            DiscImageException e = assertThrows(DiscImageException.class, () -> LinuxSgIoTransport.open(device));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code());
            assertTrue(e.getMessage().contains(device) && e.getMessage().contains("SG_GET_VERSION_NUM"),
                    e.getMessage());
            assertTrue(e.getMessage().matches("(?s).*(ENOTTY|EINVAL).*"), e.getMessage());
        }
    }

    @Test
    void openOfMissingPathOrDirectoryNamesErrno() {
        String missing = tmp.resolve("sr9").toString();
        DiscImageException e = assertThrows(DiscImageException.class, () -> LinuxSgIoTransport.open(missing));
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("ENOENT"), e.getMessage());
        DiscImageException dir = assertThrows(DiscImageException.class,
                () -> LinuxSgIoTransport.open(tmp.toString()));
        assertTrue(dir.getMessage().contains("EISDIR"), dir.getMessage());
        assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, dir.code());
    }

    @Test
    void argumentsAreCheckedBeforeTheIoctl() throws Exception {
        try (LinuxSgIoTransport t = LinuxSgIoTransport.openUnchecked("/dev/null")) {
            assertThrows(IllegalArgumentException.class,
                    () -> t.execute(new byte[7], DataDirection.NONE, null, Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class,
                    () -> t.execute(INQUIRY, DataDirection.FROM_DEVICE, null, Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class,
                    () -> t.execute(INQUIRY, DataDirection.NONE, null, Duration.ZERO));
        }
    }
}
