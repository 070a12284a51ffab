package org.discimage.rockridge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discimage.susp.SuspEntry;

/**
 * SL (RRIP 1.12 4.1.3): a symbolic link target as component records, continued over several SL
 * entries when long. A component is never split across entries unless it is itself longer than an
 * entry can hold (libarchive 3.6 mis-joins split components, seen by the interop tests).
 */
public record SymbolicLink(int flags, List<Component> components) implements SuspEntry {
    public static final int CONTINUE = 1;
    public static final int CURRENT = 2;
    public static final int PARENT = 4;
    public static final int ROOT = 8;
    /** Content bytes of one component record inside one entry: 255 - 5 - 2. */
    static final int MAX_CONTENT = 248;

    /** A component record: flags (CONTINUE, CURRENT, PARENT, ROOT) and content bytes. */
    public record Component(int flags, byte[] content) {
        int length() {
            return 2 + content.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Component c && c.flags == flags && Arrays.equals(c.content, content);
        }

        @Override
        public int hashCode() {
            return flags * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Component[" + flags + ", " + new String(content, StandardCharsets.UTF_8) + "]";
        }
    }

    @Override
    public String signature() {
        return "SL";
    }

    @Override
    public int length() {
        int n = 5;
        for (Component c : components) {
            n += c.length();
        }
        return n;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "SL", length());
        b.put((byte) flags);
        for (Component c : components) {
            b.put((byte) c.flags).put((byte) c.content.length).put(c.content);
        }
    }

    /** The SL entries of a target of any shape and length. */
    public static List<SymbolicLink> entriesFor(String target) {
        List<Component> comps = new ArrayList<>();
        int i = 0;
        if (target.startsWith("/")) {
            comps.add(new Component(ROOT, new byte[0]));
        }
        for (String part : target.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".")) {
                comps.add(new Component(CURRENT, new byte[0]));
            } else if (part.equals("..")) {
                comps.add(new Component(PARENT, new byte[0]));
            } else {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < b.length; at += MAX_CONTENT) {
                    int n = Math.min(MAX_CONTENT, b.length - at);
                    comps.add(new Component(at + n < b.length ? CONTINUE : 0, Arrays.copyOfRange(b, at, at + n)));
                }
            }
            i++;
        }
        List<SymbolicLink> entries = new ArrayList<>();
        List<Component> current = new ArrayList<>();
        int len = 5;
        for (Component c : comps) {
            if (len + c.length() > 255) {
                entries.add(new SymbolicLink(CONTINUE, current));
                current = new ArrayList<>();
                len = 5;
            }
            current.add(c);
            len += c.length();
        }
        entries.add(new SymbolicLink(0, current));
        return entries;
    }

    /** Reassembles the target of a link's SL entries. */
    public static String target(List<SymbolicLink> entries) {
        StringBuilder sb = new StringBuilder();
        boolean joinNext = false;
        boolean first = true;
        for (SymbolicLink e : entries) {
            for (Component c : e.components) {
                if (!first && !joinNext && !(sb.length() == 1 && sb.charAt(0) == '/')) {
                    sb.append('/');
                }
                if ((c.flags & ROOT) != 0) {
                    sb.setLength(0);
                    sb.append('/');
                } else if ((c.flags & CURRENT) != 0) {
                    sb.append('.');
                } else if ((c.flags & PARENT) != 0) {
                    sb.append("..");
                } else {
                    sb.append(new String(c.content, StandardCharsets.UTF_8));
                }
                joinNext = (c.flags & CONTINUE) != 0;
                first = false;
            }
        }
        return sb.toString();
    }
}
