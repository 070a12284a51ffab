package org.discimage.rockridge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.discimage.codec.DecodeContext;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "SL" entry, RRIP 1.12 4.1.3: (part of) a symbolic link's target as a flags byte ({@link #CONTINUE}:
 * the target goes on in the next SL entry) and component records (4.1.3.1): flags, length (711), content.
 * Components are separated by "/" when read back, except after ROOT and after a component with the
 * component CONTINUE flag (a component split over several records). Length 5 + sum(2 + content length),
 * at most 255; {@link #entriesFor(String)} packs a target of any length into as few entries as possible
 * and {@link #target(List)} reassembles it.
 */
public record SymbolicLink(int flags, List<Component> components) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "SL";
    /** Entry flag (and component flag): continued in the next entry (component record). */
    public static final int CONTINUE = 1;
    /** Component flag: "." (no content). */
    public static final int CURRENT = 2;
    /** Component flag: ".." (no content). */
    public static final int PARENT = 4;
    /** Component flag: the root directory "/" (no content). */
    public static final int ROOT = 8;
    /** Bytes available for component records in one entry. */
    public static final int MAX_COMPONENT_AREA = SuspHeader.MAX_ENTRY_LENGTH - 5;
    private static final String S = "RRIP SL";

    /** A component record, RRIP 1.12 4.1.3.1: flags, length and content bytes. */
    public record Component(int flags, byte[] content) {
        /** Copies the content; IllegalArgumentException if longer than 255 bytes or flags out of range. */
        public Component {
            Decoding.checkRange(flags, 0, 255, "component flags");
            content = Objects.requireNonNull(content, "content").clone();
            Decoding.checkRange(content.length, 0, 255, "component length");
        }

        /** The content (a copy). */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** Encoded length: 2 + content length. */
        public int length() {
            return 2 + content.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Component c && flags == c.flags && Arrays.equals(content, c.content);
        }

        @Override
        public int hashCode() {
            return flags * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Component[flags=" + flags + ", content=" + new String(content, StandardCharsets.UTF_8) + "]";
        }
    }

    /** Copies the list; IllegalArgumentException if the entry would exceed 255 bytes. */
    public SymbolicLink {
        Decoding.checkRange(flags, 0, 255, "flags");
        components = List.copyOf(components);
        int len = 5;
        for (Component c : components) {
            len += c.length();
        }
        if (len > SuspHeader.MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("SL entry would be " + len + " bytes, more than 255");
        }
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        int len = 5;
        for (Component c : components) {
            len += c.length();
        }
        return len;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, SIGNATURE, length(), 1);
        b.put((byte) flags);
        for (Component c : components) {
            b.put((byte) c.flags).put((byte) c.content.length).put(c.content);
        }
    }

    /**
     * Reads the entry; MALFORMED_STRUCTURE on a bad header, a component record running past the entry or
     * a ".", ".." or root component with content.
     */
    public static SymbolicLink decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /**
     * As {@link #decode(ByteBuffer)}; lenient, a component whose length runs past the entry is
     * cut at the entry's end and reported. genisoimage writes such entries for long targets (its
     * SL of 59 bytes announcing a 207-byte component); isoinfo likewise reads what is there.
     */
    public static SymbolicLink decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        int len = SuspHeader.read(b, SIGNATURE, 5, SuspHeader.MAX_ENTRY_LENGTH, S);
        int flags = b.get() & 0xFF;
        int end = at + len;
        List<Component> comps = new ArrayList<>();
        while (b.position() < end) {
            int cat = b.position();
            if (end - cat < 2) {
                throw Decoding.malformed(S + ".component", cat, "component record header runs past the entry");
            }
            int cflags = b.get() & 0xFF;
            int clen = b.get() & 0xFF;
            if (clen > end - cat - 2) {
                ctx.deviation(S + ".component.length", cat + 1, "component of " + clen
                        + " bytes runs past the entry (" + (end - cat - 2) + " bytes left)",
                        "reading the " + (end - cat - 2) + " bytes there");
                clen = end - cat - 2;
            }
            if ((cflags & (CURRENT | PARENT | ROOT)) != 0 && clen != 0) {
                throw Decoding.malformed(S + ".component.flags", cat, "\".\", \"..\" or root component with "
                        + clen + " content bytes");
            }
            byte[] content = new byte[clen];
            b.get(content);
            comps.add(new Component(cflags, content));
        }
        return new SymbolicLink(flags, comps);
    }

    /** {@link #entriesFor(byte[])} of the target's UTF-8 bytes. */
    public static List<SymbolicLink> entriesFor(String target) {
        return entriesFor(target.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Splits a target into components ("/" at the start: ROOT; "." CURRENT; ".." PARENT; empty strings
     * between repeated or trailing slashes: empty components) and packs them greedily into SL entries of
     * at most 255 bytes, splitting a component that does not fit over several component records (component
     * CONTINUE on all but its last piece). Entry CONTINUE is set on all but the last entry.
     * IllegalArgumentException for an empty target.
     */
    public static List<SymbolicLink> entriesFor(byte[] target) {
        if (target.length == 0) {
            throw new IllegalArgumentException("empty symbolic link target");
        }
        Packer p = new Packer();
        int s = 0;
        if (target[0] == '/') {
            p.add(ROOT, target, 0, 0);
            s = 1;
        }
        // "/" alone has no further component; otherwise every '/' ends one (possibly empty) component
        while (s < target.length || s == target.length && s > 1) {
            int slash = s;
            while (slash < target.length && target[slash] != '/') {
                slash++;
            }
            int n = slash - s;
            boolean dot = n >= 1 && n <= 2 && target[s] == '.' && target[slash - 1] == '.';
            p.add(dot ? (n == 1 ? CURRENT : PARENT) : 0, target, s, dot ? 0 : n);
            s = slash + 1;
        }
        return p.finish();
    }

    /** Greedy packing of component records into entries of at most 255 bytes. */
    private static final class Packer {
        private final List<SymbolicLink> entries = new ArrayList<>();
        private List<Component> current = new ArrayList<>();
        private int space = MAX_COMPONENT_AREA;

        /** Adds one component ({@code len} content bytes at {@code off}), split over records if needed. */
        void add(int special, byte[] src, int off, int len) {
            int done = 0;
            do {
                int left = len - done;
                if (space < 2 + Math.min(1, left)) {
                    entries.add(new SymbolicLink(CONTINUE, current));
                    current = new ArrayList<>();
                    space = MAX_COMPONENT_AREA;
                }
                int n = Math.min(left, space - 2);
                int cflags = special != 0 ? special : done + n < len ? CONTINUE : 0;
                current.add(new Component(cflags, Arrays.copyOfRange(src, off + done, off + done + n)));
                space -= 2 + n;
                done += n;
            } while (done < len);
        }

        List<SymbolicLink> finish() {
            entries.add(new SymbolicLink(0, current));
            return List.copyOf(entries);
        }
    }

    /** The target as UTF-8 text (malformed UTF-8 becomes U+FFFD); see {@link #targetBytes(List)}. */
    public static String target(List<SymbolicLink> entries) {
        return new String(targetBytes(entries), StandardCharsets.UTF_8);
    }

    /**
     * Reassembles the target of consecutive SL entries: "/" for ROOT, "." / ".." for CURRENT / PARENT,
     * the content otherwise, and a "/" after every component except ROOT, a continued component and the
     * last one.
     */
    public static byte[] targetBytes(List<SymbolicLink> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int total = 0;
        for (SymbolicLink e : entries) {
            total += e.components.size();
        }
        int i = 0;
        for (SymbolicLink e : entries) {
            for (Component c : e.components) {
                i++;
                if ((c.flags & ROOT) != 0) {
                    out.write('/');
                    continue;
                }
                if ((c.flags & CURRENT) != 0) {
                    out.write('.');
                } else if ((c.flags & PARENT) != 0) {
                    out.writeBytes(new byte[] {'.', '.'});
                } else {
                    out.writeBytes(c.content);
                }
                if ((c.flags & CONTINUE) == 0 && i < total) {
                    out.write('/');
                }
            }
        }
        return out.toByteArray();
    }
}
