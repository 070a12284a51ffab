package org.discimage.rockridge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discimage.susp.SuspEntry;

/** NM (RRIP 1.12 4.1.4): the POSIX name, continued over several entries when long. */
public record AlternateName(int flags, byte[] name) implements SuspEntry {
    public static final int CONTINUE = 1;
    public static final int CURRENT = 2;
    public static final int PARENT = 4;
    /** Name bytes per entry: 255 - 5. */
    static final int MAX_PART = 250;

    @Override
    public String signature() {
        return "NM";
    }

    @Override
    public int length() {
        return 5 + name.length;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "NM", length());
        b.put((byte) flags).put(name);
    }

    /** The entries for a name of any length: CONTINUE on all but the last. */
    public static List<AlternateName> entriesFor(byte[] utf8Name) {
        List<AlternateName> list = new ArrayList<>(1 + utf8Name.length / MAX_PART);
        int at = 0;
        do {
            int n = Math.min(MAX_PART, utf8Name.length - at);
            boolean more = at + n < utf8Name.length;
            list.add(new AlternateName(more ? CONTINUE : 0, Arrays.copyOfRange(utf8Name, at, at + n)));
            at += n;
        } while (at < utf8Name.length);
        return list;
    }

    /** Joins the parts of a continued name. */
    public static byte[] join(List<AlternateName> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AlternateName p : parts) {
            out.write(p.name, 0, p.name.length);
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlternateName a && a.flags == flags && Arrays.equals(a.name, name);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(name);
    }

    @Override
    public String toString() {
        return "AlternateName[flags=" + flags + ", " + new String(name, java.nio.charset.StandardCharsets.UTF_8) + "]";
    }
}
