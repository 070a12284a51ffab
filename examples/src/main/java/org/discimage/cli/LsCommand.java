package org.discimage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.discimage.importer.ImportedEntry;
import org.discimage.tree.ItemType;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code discimage ls}: lists the tree of one session of an image, one line per entry, in pre-order. */
@Command(name = "ls", sortOptions = false,
        description = {"Lists every directory, file, symbolic link and device of an image's tree, the root '/' "
                + "first, a directory before its contents: one absolute path per line.",
                "With -l each line reads: mode (as ls -l; '?' where the tree records none), link count, uid, gid, "
                        + "size (major,minor for a device), modification time (ISO 8601, UTC, seconds), path, "
                        + "'-> target' for a symbolic link, and ' [zisofs]' / ' [hidden]' marks.",
                "Control characters in names are shown as \\xNN."})
final class LsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    TreeChoiceMixin tree;

    @Option(names = "-l", description = "Long listing: mode, links, owner, group, size, time, link target.")
    boolean longListing;

    @Mixin
    ImportOptionsMixin importOptions;

    @Override
    public Integer call() throws IOException {
        List<ImportedEntry> entries;
        try (ImportOptionsMixin.Session session = importOptions.open()) {
            entries = session.reader().readTree(tree.choose(session));
        }
        print(entries, longListing, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Writes one line per entry (the path, or the {@code -l} form) to {@code out} and flushes it
     * once at the end: the lines go through one reused {@code StringBuilder} and char buffer, 64 KiB
     * to a write, not a flushing {@code println} each (picocli's writer flushes on every line).
     */
    static void print(List<ImportedEntry> entries, boolean longListing, Writer out) throws IOException {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder(1 << 16);
        char[] chunk = new char[0];
        for (ImportedEntry e : entries) {
            if (longListing) {
                appendLong(text, e);
            } else {
                appendPath(text, e.path());
            }
            text.append(newline);
            if (text.length() >= (1 << 16) - 512) {
                chunk = write(text, chunk, out);
            }
        }
        write(text, chunk, out);
        out.flush();
    }

    /** Writes and empties {@code text} through {@code chunk} (grown when too small); returns the chunk. */
    private static char[] write(StringBuilder text, char[] chunk, Writer out) throws IOException {
        int n = text.length();
        if (chunk.length < n) {
            chunk = new char[Math.max(n, 1 << 16)];
        }
        text.getChars(0, n, chunk, 0);
        out.write(chunk, 0, n);
        text.setLength(0);
        return chunk;
    }

    /**
     * As {@link #print(List, boolean, Writer)}, encoding with {@code charset} straight into a 64 KiB
     * byte buffer written to {@code out} whenever full: a plain path in an ASCII-compatible charset
     * is copied byte for byte from the string, with no char buffer and no encoder between (those
     * were a quarter of a cold {@code ls}'s time). Any other line is encoded as the writer would.
     */
    static void print(List<ImportedEntry> entries, boolean longListing, OutputStream out, Charset charset)
            throws IOException {
        ByteLines lines = new ByteLines(out, charset, longListing);
        for (ImportedEntry e : entries) {
            lines.add(e);  // a call per entry: compiled early in a cold JVM, unlike a long loop body
        }
        lines.flush();
    }

    /** The byte buffer of {@link #print(List, boolean, OutputStream, Charset)}. */
    private static final class ByteLines {
        private final OutputStream out;
        private final Charset charset;
        private final boolean longListing;
        private final boolean asciiBytes;
        private final byte[] newline;
        private final byte[] buf = new byte[1 << 16];
        private final StringBuilder line = new StringBuilder(256);
        private int used;

        ByteLines(OutputStream out, Charset charset, boolean longListing) {
            this.out = out;
            this.charset = charset;
            this.longListing = longListing;
            this.asciiBytes = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                    || charset.equals(StandardCharsets.ISO_8859_1);
            this.newline = System.lineSeparator().getBytes(charset);
        }

        /** Appends the entry's line. */
        void add(ImportedEntry e) throws IOException {
            String path = e.path();
            int n = path.length();
            if (!longListing && asciiBytes && n + newline.length <= buf.length && printableAscii(path)) {
                room(n);
                copyAscii(path, buf, used);
                used += n;
            } else {
                line.setLength(0);
                if (longListing) {
                    appendLong(line, e);
                } else {
                    appendPath(line, path);
                }
                byte[] b = line.toString().getBytes(charset);
                if (b.length + newline.length > buf.length) {
                    flushBuffer();
                    out.write(b);
                } else {
                    room(b.length);
                    System.arraycopy(b, 0, buf, used, b.length);
                    used += b.length;
                }
            }
            room(newline.length);
            System.arraycopy(newline, 0, buf, used, newline.length);
            used += newline.length;
        }

        /** Makes room for {@code n} more bytes (at most the buffer's size). */
        private void room(int n) throws IOException {
            if (used + n > buf.length) {
                flushBuffer();
            }
        }

        private void flushBuffer() throws IOException {
            out.write(buf, 0, used);
            used = 0;
        }

        /** Writes what is buffered and flushes {@code out}. */
        void flush() throws IOException {
            flushBuffer();
            out.flush();
        }
    }

    /** Whether every char is printable ASCII (0x20..0x7E): no {@code \xNN} escape, one byte each. */
    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The chars of an ASCII string as bytes at {@code at}: exactly its encoding in any ASCII-compatible charset. */
    @SuppressWarnings("deprecation")  // String.getBytes(int, int, byte[], int) is the low-byte copy, exact for ASCII
    private static void copyAscii(String s, byte[] dst, int at) {
        s.getBytes(0, s.length(), dst, at);
    }

    /** {@code drwxr-xr-x   2 0 0 2048 2023-11-14T22:13:20Z /path[ -> target][ [zisofs]][ [hidden]]}. */
    static String formatLong(ImportedEntry e) {
        StringBuilder sb = new StringBuilder();
        appendLong(sb, e);
        return sb.toString();
    }

    static void appendLong(StringBuilder sb, ImportedEntry e) {
        sb.append(modeString(e)).append(' ');
        pad(sb, Integer.toString(e.linkCount()), 3).append(' ');
        pad(sb, Long.toString(e.uid()), 5).append(' ');
        pad(sb, Long.toString(e.gid()), 5).append(' ');
        String size = e.type() == ItemType.DEVICE && e.device() != -1
                ? (e.device() >>> 32) + "," + (e.device() & 0xFFFF_FFFFL)
                : Long.toString(e.size());
        pad(sb, size, 12).append(' ');
        sb.append(time(e.modified())).append(' ');
        appendPath(sb, e.path());
        if (e.type() == ItemType.SYMLINK) {
            sb.append(" -> ");
            appendPath(sb, e.symlinkTarget());
        }
        if (e.flags().contains(ImportedEntry.Flag.ZISOFS)) {
            sb.append(" [zisofs]");
        }
        if (e.hidden()) {
            sb.append(" [hidden]");
        }
    }

    private static StringBuilder pad(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s);
    }

    /** An instant to the second, ISO 8601 in UTC: {@code 2023-11-14T22:13:20Z}. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Appends {@code s} with control characters (and DEL) shown as {@code \xNN}. */
    static void appendPath(StringBuilder sb, String s) {
        int n = s.length();
        int plain = 0;
        while (plain < n && s.charAt(plain) >= 0x20 && s.charAt(plain) != 0x7F) {
            plain++;
        }
        if (plain == n) {
            sb.append(s);  // the usual case: one bulk copy, not a char at a time
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                sb.append(c);
            }
        }
    }

    /** The ten-character mode of {@code ls -l}; the nine permission characters are '?' without a mode. */
    static String modeString(ImportedEntry e) {
        char[] m = new char[10];
        m[0] = typeChar(e);
        if (!e.hasMode()) {
            java.util.Arrays.fill(m, 1, 10, '?');
            return new String(m);
        }
        int mode = e.mode();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            m[i + 1] = (mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        }
        special(m, 3, (mode & 04000) != 0, 's');
        special(m, 6, (mode & 02000) != 0, 's');
        special(m, 9, (mode & 01000) != 0, 't');
        return new String(m);
    }

    private static void special(char[] m, int at, boolean set, char c) {
        if (set) {
            m[at] = m[at] == 'x' ? c : Character.toUpperCase(c);
        }
    }

    private static char typeChar(ImportedEntry e) {
        switch (e.type()) {
            case DIRECTORY: return 'd';
            case SYMLINK: return 'l';
            case DEVICE: return e.hasMode() && (e.mode() & 0170000) == 0060000 ? 'b' : 'c';
            default: return '-';
        }
    }
}
