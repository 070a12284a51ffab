package org.discimage.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each external reader over an image and turns what it shows into a {@link ReaderListing}.
 * Every method fails the test with the tool's full output when the tool fails.
 */
final class Readers {
    /** The namespace a reader is told to use. */
    enum Namespace { ISO9660, JOLIET, ROCK_RIDGE }

    private Readers() {
    }

    // ---------------------------------------------------------------- isoinfo

    private static final Pattern ISOINFO_HEADER = Pattern.compile("^Directory listing of (.*)$");
    private static final Pattern ISOINFO_ENTRY = Pattern.compile(
            "^(\\S{10})\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+\\s+\\d+\\s+\\d+)\\s+\\[\\s*(\\d+)\\s+([0-9a-fA-F]+)\\]  (.*)$");

    /** isoinfo's flag for the options that select a namespace. */
    private static List<String> isoinfoFlags(Namespace ns) {
        return switch (ns) {
            case ISO9660 -> List.of();
            case JOLIET -> List.of("-J", "-j", "iso8859-1");
            case ROCK_RIDGE -> List.of("-R");
        };
    }

    /** A line of {@code isoinfo -l}, still with the listing's own path (before any relocation fix). */
    record IsoinfoLine(String path, Entry.Type type, long size, long extent, Integer mode, String target) {
    }

    /** Parses the output of {@code isoinfo [-J|-R] -l} (ISO 9660 names keep their ";1"). */
    static List<IsoinfoLine> parseIsoinfoListing(String text, Namespace ns) {
        List<IsoinfoLine> lines = new ArrayList<>();
        String dir = null;
        for (String line : text.split("\n", -1)) {
            Matcher h = ISOINFO_HEADER.matcher(line);
            if (h.matches()) {
                dir = h.group(1);
                if (!dir.endsWith("/")) {
                    dir = dir + "/";
                }
                continue;
            }
            Matcher m = ISOINFO_ENTRY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (dir == null) {
                throw new AssertionError("isoinfo entry before any 'Directory listing of' line: " + line);
            }
            String perms = m.group(1);
            String name = m.group(9);
            String target = null;
            Entry.Type type = switch (perms.charAt(0)) {
                case 'd' -> Entry.Type.DIR;
                case 'l' -> Entry.Type.SYMLINK;
                default -> Entry.Type.FILE;
            };
            if (type == Entry.Type.SYMLINK) {
                int arrow = name.indexOf(" -> ");
                if (arrow < 0) {
                    throw new AssertionError("isoinfo symlink line without ' -> ': " + line);
                }
                target = name.substring(arrow + 4);
                name = name.substring(0, arrow);
            } else if (name.endsWith(" ")) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.equals(".") || name.equals("..")) {
                continue;
            }
            Integer mode = ns == Namespace.ROCK_RIDGE ? parseMode(perms) : null;
            long size = type == Entry.Type.FILE ? Long.parseLong(m.group(5)) : -1;
            lines.add(new IsoinfoLine(dir + name, type, size, Long.parseLong(m.group(7)), mode, target));
        }
        return lines;
    }

    /**
     * {@code isoinfo -l} (with -J or -R for those namespaces), file contents by {@code isoinfo -x}. Joliet
     * names outside ASCII cannot be given to isoinfo -J -x (it prints them in ISO 8859-1 with '_' for
     * everything else), so those files are read at the extent isoinfo reports. isoinfo does not
     * follow Rock Ridge CL: relocated directories are grafted back by the harness.
     */
    static ReaderListing isoinfo(Path image, Namespace ns) {
        List<String> cmd = new ArrayList<>(List.of("isoinfo", "-i", image.toString()));
        cmd.addAll(isoinfoFlags(ns));
        cmd.add("-l");
        ExternalTools.Result r = ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, cmd);
        String text = ns == Namespace.JOLIET ? new String(r.stdout(), StandardCharsets.ISO_8859_1) : r.out();
        ReaderListing l = new ReaderListing("isoinfo " + String.join(" ", isoinfoFlags(ns)) + " -l");
        for (IsoinfoLine line : parseIsoinfoListing(text, ns)) {
            switch (line.type()) {
                case DIR -> l.add(Entry.dir(line.path(), line.mode()));
                case SYMLINK -> l.add(Entry.symlink(line.path(), line.target(), line.mode()));
                case FILE -> {
                    byte[] data;
                    if (ns == Namespace.JOLIET && !isAscii(line.path())) {
                        data = readExtent(image, line.extent(), line.size());
                    } else {
                        List<String> x = new ArrayList<>(List.of("isoinfo", "-i", image.toString()));
                        x.addAll(isoinfoFlags(ns));
                        x.add("-x");
                        x.add(line.path());
                        data = ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, x).stdout();
                    }
                    // isoinfo -x prints nothing (and exits 0) for a path it cannot find: the size tells
                    l.add(Entry.file(line.path(), line.size(), data.length == line.size()
                            ? ReaderListing.sha256(data) : "isoinfo -x gave " + data.length + " bytes", line.mode()));
                }
                default -> throw new IllegalStateException();
            }
        }
        if (ns == Namespace.ROCK_RIDGE) {
            l.graftRelocatedDirectories();
        }
        return l;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    static byte[] readExtent(Path image, long lba, long size) {
        try (FileChannel ch = FileChannel.open(image)) {
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size));
            long pos = lba * 2048;
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) {
                    break;
                }
            }
            byte[] out = new byte[b.position()];
            b.flip().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Integer parseMode(String perms) {
        if (perms.length() != 10 || perms.charAt(1) == '?') {
            return null;
        }
        int m = 0;
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            char c = perms.charAt(i + 1);
            boolean set = c == rwx.charAt(i) || c == 's' || c == 't';
            if (set) {
                m |= 1 << (8 - i);
            }
        }
        char u = perms.charAt(3);
        char g = perms.charAt(6);
        char o = perms.charAt(9);
        if (u == 's' || u == 'S') {
            m |= 04000;
        }
        if (g == 's' || g == 'S') {
            m |= 02000;
        }
        if (o == 't' || o == 'T') {
            m |= 01000;
        }
        return m;
    }

    // ---------------------------------------------------------------- xorriso

    private static final Pattern XORRISO_LSDL = Pattern.compile(
            "^(\\S{10})\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+\\s+\\d+\\s+\\S+)\\s+'(.*)$");

    /** {@code xorriso -indev IMG -find / -exec lsdl}: names, types, sizes, modes, link targets (no content). */
    static ReaderListing xorrisoFind(Path image) {
        ExternalTools.Result r = ExternalTools.runOk(null, "xorriso", "-abort_on", "FAILURE", "-indev",
                image.toString(), "-find", "/", "-exec", "lsdl", "--");
        return parseXorrisoLsdl(r.out());
    }

    static ReaderListing parseXorrisoLsdl(String text) {
        ReaderListing l = new ReaderListing("xorriso -find / -exec lsdl");
        for (String line : text.split("\n")) {
            Matcher m = XORRISO_LSDL.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String perms = m.group(1);
            String rest = "'" + m.group(7);
            String[] quoted = splitQuoted(rest);
            String path = quoted[0];
            Integer mode = parseMode(perms);
            switch (perms.charAt(0)) {
                case 'd' -> l.add(Entry.dir(path, mode));
                case 'l' -> l.add(Entry.symlink(path, quoted[1], mode));
                case '-' -> l.add(Entry.file(path, Long.parseLong(m.group(5)), null, mode));
                default -> throw new AssertionError("xorriso lists an unexpected file type: " + line);
            }
        }
        return l;
    }

    /** Splits {@code 'a'} or {@code 'a' -> 'b'} in xorriso's shell quoting ('"'"' for a quote). */
    static String[] splitQuoted(String s) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '\'') {
                if (s.startsWith(" -> ", i)) {
                    i += 4;
                    continue;
                }
                throw new AssertionError("cannot parse xorriso quoting at " + i + ": " + s);
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                int q = s.indexOf('\'', i);
                if (q < 0) {
                    throw new AssertionError("unterminated quote in xorriso output: " + s);
                }
                sb.append(s, i, q);
                i = q + 1;
                if (s.startsWith("\"'\"'", i)) {
                    sb.append('\'');
                    i += 4;
                } else {
                    break;
                }
            }
            parts.add(sb.toString());
        }
        return parts.toArray(new String[0]);
    }

    /** {@code xorriso -osirrox on -indev IMG -extract / DIR}, then the extracted tree as it is on disk. */
    static ReaderListing xorrisoExtract(Path image, Path dir) {
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, List.of("xorriso", "-abort_on", "FAILURE",
                "-osirrox", "on", "-indev", image.toString(), "-extract", "/", dir.toString()));
        return ReaderListing.ofHostTree("xorriso -osirrox on -extract", dir);
    }

    // ---------------------------------------------------------------- 7-Zip, bsdtar

    /** {@code 7z x -oDIR IMG}: 7-Zip reads Joliet when present (else ISO 9660); no links, no modes. */
    static ReaderListing sevenZip(Path image, Path dir) {
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, List.of("7z", "x", "-y", "-bd", "-o" + dir,
                image.toString()));
        ReaderListing l = ReaderListing.ofHostTree("7z x", dir);
        ReaderListing noModes = new ReaderListing(l.reader());
        for (Entry e : l.entries()) {
            noModes.add(e.withMode(null));
        }
        return noModes;
    }

    /** {@code bsdtar -xpf IMG -C DIR}: libarchive reads Rock Ridge (names, modes, links), else Joliet. */
    static ReaderListing bsdtar(Path image, Path dir) {
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, List.of("bsdtar", "-xpf", image.toString(),
                "-C", dir.toString()));
        return ReaderListing.ofHostTree("bsdtar -x", dir);
    }

    // ---------------------------------------------------------------- pycdlib

    /**
     * pycdlib's UDF side of a bridge: "SHA-256 path" per file (get_file_from_iso_fp over a udf_path
     * walk), or the single line "OPEN-FAILED type: message" when pycdlib cannot open the image, or
     * "NO-UDF" when it finds no UDF volume.
     */
    static String pycdlibUdfHashes(Path image, Path workDir) throws IOException {
        String py = String.join("\n",
                "import hashlib, io, sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "try:",
                "    iso.open(sys.argv[1])",
                "except Exception as e:",
                "    print('OPEN-FAILED ' + type(e).__name__ + ': ' + str(e))",
                "    sys.exit(0)",
                "if not iso.has_udf():",
                "    print('NO-UDF')",
                "    sys.exit(0)",
                "for root, dirs, files in iso.walk(udf_path='/'):",
                "    for f in files:",
                "        p = (root.rstrip('/') + '/' + f)",
                "        rec = iso.get_record(udf_path=p)",
                "        if not rec.is_file():",
                "            continue",
                "        b = io.BytesIO()",
                "        iso.get_file_from_iso_fp(b, udf_path=p)",
                "        print(hashlib.sha256(b.getvalue()).hexdigest() + ' ' + p)",
                "iso.close()", "");
        Path script = workDir.resolve("pycdlib_udf_walk.py");
        Files.writeString(script, py, java.nio.charset.StandardCharsets.UTF_8);
        return ExternalTools.runOk(workDir, ExternalTools.PYTHON, script.toString(), image.toString()).out();
    }

    /** The pycdlib lister script, copied out of the test resources once per directory. */
    static Path pycdlibScript(Path workDir) {
        Path script = workDir.resolve("pycdlib_list.py");
        if (!Files.exists(script)) {
            try (InputStream in = Readers.class.getResourceAsStream("/interop/pycdlib_list.py")) {
                if (in == null) {
                    throw new IllegalStateException("test resource /interop/pycdlib_list.py missing");
                }
                Files.copy(in, script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    /**
     * pycdlib ({@code /usr/bin/python3}) walking one namespace: names, sizes, SHA-256 of
     * {@code get_file_from_iso_fp}, Rock Ridge modes and symlink targets. pycdlib 1.12 does not follow
     * CL: relocated directories are grafted back by the harness.
     */
    static ReaderListing pycdlib(Path image, Namespace ns, Path workDir) {
        String nsArg = switch (ns) {
            case ISO9660 -> "iso";
            case JOLIET -> "joliet";
            case ROCK_RIDGE -> "rr";
        };
        ExternalTools.Result r = ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, List.of(
                ExternalTools.PYTHON, pycdlibScript(workDir).toString(), image.toString(), nsArg));
        ReaderListing l = parsePycdlib(r.out(), "pycdlib " + nsArg + "_path");
        if (ns == Namespace.ROCK_RIDGE) {
            l.graftRelocatedDirectories();
        }
        return l;
    }

    static ReaderListing parsePycdlib(String text, String readerName) {
        ReaderListing l = new ReaderListing(readerName);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new AssertionError(readerName + ": malformed line: " + line);
            }
            String path = unescape(f[5]);
            Integer mode = f[2].equals("-") ? null : Integer.parseInt(f[2], 8);
            switch (f[0]) {
                case "d" -> l.add(Entry.dir(path, mode));
                case "l" -> l.add(Entry.symlink(path, unescape(f[4]), mode));
                case "f" -> l.add(Entry.file(path, Long.parseLong(f[1]), f[3], mode));
                default -> throw new AssertionError(readerName + ": unknown type in line: " + line);
            }
        }
        return l;
    }

    /** Reverses the script's escaping: %XX are bytes of the UTF-8 encoding. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
