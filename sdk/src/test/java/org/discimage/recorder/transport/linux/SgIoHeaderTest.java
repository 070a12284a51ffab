package org.discimage.recorder.transport.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** struct sg_io_hdr layout: the table of formats.md §7.1, the ILP32 variant, and gcc's offsetof. */
class SgIoHeaderTest {
    @TempDir
    Path tmp;

    private static Map<String, Integer> offsets(SgIoHeader h) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("interface_id", h.interfaceId);
        m.put("dxfer_direction", h.dxferDirection);
        m.put("cmd_len", h.cmdLen);
        m.put("mx_sb_len", h.mxSbLen);
        m.put("iovec_count", h.iovecCount);
        m.put("dxfer_len", h.dxferLen);
        m.put("dxferp", h.dxferp);
        m.put("cmdp", h.cmdp);
        m.put("sbp", h.sbp);
        m.put("timeout", h.timeout);
        m.put("flags", h.flags);
        m.put("pack_id", h.packId);
        m.put("usr_ptr", h.usrPtr);
        m.put("status", h.status);
        m.put("masked_status", h.maskedStatus);
        m.put("msg_status", h.msgStatus);
        m.put("sb_len_wr", h.sbLenWr);
        m.put("host_status", h.hostStatus);
        m.put("driver_status", h.driverStatus);
        m.put("resid", h.resid);
        m.put("duration", h.duration);
        m.put("info", h.info);
        m.put("sizeof", h.size);
        return m;
    }

    @Test
    void lp64LayoutIsTheTableOfFormatsSection71() {
        SgIoHeader h = SgIoHeader.forPointerSize(8);
        List<Integer> expected = List.of(0, 4, 8, 9, 10, 12, 16, 24, 32, 40, 44, 48, 56, 64, 65, 66, 67, 68, 70,
                72, 76, 80, 88);
        assertEquals(expected, List.copyOf(offsets(h).values()));
    }

    @Test
    void ilp32LayoutHasNoPadding() {
        SgIoHeader h = SgIoHeader.forPointerSize(4);
        List<Integer> expected = List.of(0, 4, 8, 9, 10, 12, 16, 20, 24, 28, 32, 36, 40, 44, 45, 46, 47, 48, 50,
                52, 56, 60, 64);
        assertEquals(expected, List.copyOf(offsets(h).values()));
    }

    @Test
    void requestAndReplyFieldsLandAtTheirOffsets() {
        SgIoHeader h = SgIoHeader.forPointerSize(8);
        ByteBuffer b = ByteBuffer.allocate(h.size).order(ByteOrder.nativeOrder());
        b.put(0, (byte) 0x5A); // stale contents must be cleared
        h.encodeRequest(b, SgIoHeader.SG_DXFER_FROM_DEV, 10, 64, 2048, 0x1122334455667788L, 0x10L, 0x20L, 30000);
        assertEquals('S', b.getInt(0));
        assertEquals(-3, b.getInt(4));
        assertEquals(10, b.get(8));
        assertEquals(64, b.get(9));
        assertEquals(2048, b.getInt(12));
        assertEquals(0x1122334455667788L, b.getLong(16));
        assertEquals(0x10L, b.getLong(24));
        assertEquals(0x20L, b.getLong(32));
        assertEquals(30000, b.getInt(40));
        b.put(64, (byte) 2).put(67, (byte) 18).putShort(68, (short) 0).putShort(70, (short) 8).putInt(72, 100)
                .putInt(76, 7).putInt(80, 1);
        SgIoHeader.Reply r = h.decodeReply(b);
        assertEquals(new SgIoHeader.Reply(2, 18, 0, 8, 100, 7, 1), r);
    }

    /**
     * gcc's offsetof over glibc's {@code <scsi/sg.h>} is the independent witness of the layout: for LP64 and,
     * through {@code -m32}, ILP32. The program is only compiled to assembly ({@code -S}), where each field's
     * offset + 1 is the size of an array, so no 32-bit C library is needed (an empty {@code gnu/stubs-32.h}
     * stands in for the missing multilib header, which only lists unimplemented functions).
     */
    @Test
    void gccAgreesForLp64() throws Exception {
        assertEquals(offsets(SgIoHeader.forPointerSize(8)), gccLayout(false));
    }

    @Test
    void gccAgreesForIlp32() throws Exception {
        assertEquals(offsets(SgIoHeader.forPointerSize(4)), gccLayout(true));
    }

    private Map<String, Integer> gccLayout(boolean m32) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && "amd64".equals(System.getProperty("os.arch")), "x86_64 Linux only");
        Path gcc = Path.of("/usr/bin/gcc");
        if (!Files.isExecutable(gcc) || !Files.exists(Path.of("/usr/include/scsi/sg.h"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("gcc or <scsi/sg.h> missing");
            }
            assumeTrue(false, "gcc or <scsi/sg.h> missing");
        }
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <scsi/sg.h>\n");
        for (String field : offsets(SgIoHeader.forPointerSize(8)).keySet()) {
            c.append("char f_").append(field).append('[').append(field.equals("sizeof") ? "sizeof(sg_io_hdr_t)"
                    : "offsetof(sg_io_hdr_t, " + field + ")").append(" + 1];\n");
        }
        c.append("char f_SG_IO[SG_IO + 1];\nchar f_SG_GET_VERSION_NUM[SG_GET_VERSION_NUM + 1];\n");
        Path src = Files.writeString(tmp.resolve("sg.c"), c);
        Path stub = Files.createDirectories(tmp.resolve("stub/gnu"));
        Files.writeString(stub.resolve("stubs-32.h"), "");
        Path asm = tmp.resolve(m32 ? "sg32.s" : "sg64.s");
        List<String> cmd = new java.util.ArrayList<>(List.of(gcc.toString(), "-S", "-o", asm.toString()));
        if (m32) {
            cmd.addAll(List.of("-m32", "-I", tmp.resolve("stub").toString(), "-I", "/usr/include/x86_64-linux-gnu"));
        }
        cmd.add(src.toString());
        run(cmd);
        Map<String, Integer> theirs = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.size\\s+f_(\\w+),\\s*(\\d+)")
                .matcher(Files.readString(asm));
        while (m.find()) {
            theirs.put(m.group(1), Integer.parseInt(m.group(2)) - 1);
        }
        assertEquals(LinuxSgIoTransport.SG_IO, theirs.remove("SG_IO"));
        assertEquals(LinuxSgIoTransport.SG_GET_VERSION_NUM, theirs.remove("SG_GET_VERSION_NUM"));
        return theirs;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
