package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.OpticalDrive;
import org.discimage.recorder.transport.OpticalDrives;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiTransport;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code discimage devices}: none on this machine, and the lines for drives behind scripted transports. */
class DevicesCommandTest {

    private static CliRun run(DevicesCommand command) {
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute();
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void noDrivesOnThisMachine() {
        assumeTrue(!Files.exists(Path.of("/dev/sr0")), "a drive is attached here");
        CliRun r = CliRun.run("devices");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("no optical drives found" + System.lineSeparator(), r.out(), r.toString());
        assertEquals("", r.err());
    }

    /** Answers INQUIRY with a BD writer's standard data. */
    private static ScsiTransport inquiryAnswering(String device, String ids) {
        return new ScsiTransport() {
            @Override
            public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout) {
                assertEquals(0x12, cdb[0]);
                byte[] reply = new byte[36];
                reply[0] = 5;
                reply[1] = (byte) 0x80;
                reply[4] = 31;
                byte[] b = ids.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, reply, 8, b.length);
                data.put(reply);
                return new ScsiResult(0, new byte[0], 0, Duration.ofMillis(1));
            }

            @Override
            public String device() {
                return device;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void oneLinePerDriveFromInquiry() {
        List<OpticalDrive> drives = List.of(new OpticalDrive("/dev/sr0", "HL-DT-ST", "BD-RE WH16NS60"),
                new OpticalDrive("/dev/sr1", "ASUS", "DRW-24D5MT"));
        CliRun r = run(new DevicesCommand(() -> drives, device -> inquiryAnswering(device,
                device.endsWith("0") ? "HL-DT-STBD-RE  WH16NS60 1.03" : "ASUS    DRW-24D5MT      1.00")));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("/dev/sr0: HL-DT-ST BD-RE  WH16NS60 1.03", "/dev/sr1: ASUS DRW-24D5MT 1.00"),
                r.out().lines().toList());
    }

    @Test
    void aDriveThatCannotBeOpenedIsListedWithTheReason() {
        // the real transport on a path that is no SCSI device: the JNA binding answers with ENOTTY
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        List<OpticalDrive> drives = List.of(new OpticalDrive("/dev/null", "VENDOR", "MODEL"));
        CliRun r = run(new DevicesCommand(() -> drives, OpticalDrives::open));
        assertEquals(0, r.exitCode(), r.toString());
        String line = r.out().strip();
        assertTrue(line.startsWith("/dev/null: VENDOR MODEL (cannot query: device /dev/null is not a SCSI"), line);
        assertTrue(line.contains("ENOTTY") || line.contains("EINVAL"), line);
    }
}
