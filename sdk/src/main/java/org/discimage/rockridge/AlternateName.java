package org.discimage.rockridge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "NM" entry, RRIP 1.12 4.1.4: the POSIX name of a file: a flags byte ({@link #CONTINUE} the name goes
 * on in the next NM entry, {@link #CURRENT} ".", {@link #PARENT} "..", 0x20 host) and name bytes (no
 * terminator; discimage writes UTF-8). Length 5 + name length, at most 255, so long names take several
 * entries ({@link #entriesFor(byte[])}, {@link #join(List)}).
 */
public record AlternateName(int flags, byte[] name) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "NM";
    /** Flag: the name continues in the next NM entry. */
    public static final int CONTINUE = 1;
    /** Flag: the name is "." (no name bytes). */
    public static final int CURRENT = 2;
    /** Flag: the name is ".." (no name bytes). */
    public static final int PARENT = 4;
    /** Most name bytes in one entry. */
    public static final int MAX_NAME_BYTES = SuspHeader.MAX_ENTRY_LENGTH - 5;
    private static final String S = "RRIP NM";

    /** Copies the name; IllegalArgumentException if the entry would exceed 255 bytes. */
    public AlternateName {
        Decoding.checkRange(flags, 0, 255, "flags");
        name = Objects.requireNonNull(name, "name").clone();
        Decoding.checkRange(name.length, 0, MAX_NAME_BYTES, "NM name length");
    }

    /** Whether the entry holds a plain name part (neither CURRENT nor PARENT). */
    public boolean isPlainName() {
        return (flags & (CURRENT | PARENT)) == 0;
    }

    /** The name part decoded as UTF-8 (no intermediate copy). */
    public String nameString() {
        return new String(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The name bytes (a copy). */
    @Override
    public byte[] name() {
        return name.clone();
    }

    /** Splits a name into as few entries as possible, CONTINUE on all but the last; IllegalArgumentException if empty. */
    public static List<AlternateName> entriesFor(byte[] utf8Name) {
        if (utf8Name.length == 0) {
            throw new IllegalArgumentException("empty name");
        }
        List<AlternateName> out = new ArrayList<>();
        for (int off = 0; off < utf8Name.length; off += MAX_NAME_BYTES) {
            int end = Math.min(utf8Name.length, off + MAX_NAME_BYTES);
            out.add(new AlternateName(end < utf8Name.length ? CONTINUE : 0, Arrays.copyOfRange(utf8Name, off, end)));
        }
        return out;
    }

    /** The byte length of the entries {@link #entriesFor(byte[])} makes of a name of {@code utf8Length} bytes. */
    public static int entriesLength(int utf8Length) {
        if (utf8Length <= 0) {
            throw new IllegalArgumentException("empty name");
        }
        int entries = (utf8Length + MAX_NAME_BYTES - 1) / MAX_NAME_BYTES;
        return utf8Length + entries * 5;
    }

    /**
     * Writes the entries of {@link #entriesFor(byte[])} (the same bytes) without making them: one per
     * {@link #MAX_NAME_BYTES} bytes of the name, all but the last flagged {@link #CONTINUE}.
     */
    public static void putEntries(ByteBuffer b, byte[] utf8Name) {
        int n = utf8Name.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty name");
        }
        for (int off = 0; off < n; off += MAX_NAME_BYTES) {
            int end = Math.min(n, off + MAX_NAME_BYTES);
            SuspHeader.put(b, SIGNATURE, 5 + end - off, 1);
            b.put((byte) (end < n ? CONTINUE : 0));
            b.put(utf8Name, off, end - off);
        }
    }

    /** Concatenates the name bytes of consecutive entries ("." / ".." for CURRENT / PARENT). */
    public static byte[] join(List<AlternateName> entries) {
        if (entries.size() == 1 && (entries.get(0).flags & (CURRENT | PARENT)) == 0) {
            return entries.get(0).name.clone();  // the usual case: one NM entry
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AlternateName e : entries) {
            if ((e.flags & CURRENT) != 0) {
                out.write('.');
            } else if ((e.flags & PARENT) != 0) {
                out.writeBytes(new byte[] {'.', '.'});
            } else {
                out.writeBytes(e.name);
            }
        }
        return out.toByteArray();
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        return 5 + name.length;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, SIGNATURE, length(), 1);
        b.put((byte) flags).put(name);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header or name bytes with CURRENT or PARENT. */
    public static AlternateName decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        int len = SuspHeader.read(b, SIGNATURE, 5, SuspHeader.MAX_ENTRY_LENGTH, S);
        int flags = b.get() & 0xFF;
        if ((flags & (CURRENT | PARENT)) != 0 && len > 5) {
            throw Decoding.malformed(S + ".flags", at + 4, "\".\" or \"..\" flag with " + (len - 5) + " name bytes");
        }
        byte[] name = new byte[len - 5];
        b.get(name);
        return new AlternateName(flags, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlternateName n && flags == n.flags && Arrays.equals(name, n.name);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(name);
    }

    @Override
    public String toString() {
        return "AlternateName[flags=" + flags + ", name=" + Arrays.toString(name) + "]";
    }
}
