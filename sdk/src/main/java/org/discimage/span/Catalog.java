package org.discimage.span;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The catalog file: UTF-8 text, {@code #} comment lines, then one tab-separated line per file or
 * part, by path:
 * <pre>
 * disc  part     size   sha256  path
 * 002   001/003  1024   -       /video/big.mkv.part001
 * </pre>
 * The disc and part numbers have a fixed width of three digits, so the catalog's length does not
 * depend on which disc a file lands on: it is known, and counted in every disc's size, before the
 * packing starts. In paths, backslash, tab, line feed and carriage return are written as
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}.
 */
final class Catalog {
    /** At most 999 discs and 999 parts of one file, the width of their fields. */
    static final int MAX_NUMBER = 999;

    private static final String HEADER = "# discimage disc set catalog: every file of the set and the disc holding it."
            + "\n# A file larger than a disc is split into NAME.part001, NAME.part002, ... (part n/m);"
            + "\n# join the parts in order: cat NAME.part001 NAME.part002 ... > NAME"
            + "\n# disc\tpart\tsize\tsha256\tpath\n";

    private Catalog() {
    }

    /** The catalog's bytes. */
    static byte[] encode(List<CatalogEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        for (CatalogEntry e : entries) {
            // Locale.ROOT: ASCII digits whatever the default locale
            String line = String.format(Locale.ROOT, "%03d\t%03d/%03d\t%d\t%s\t%s\n", e.disc(), e.part(), e.parts(),
                    e.size(), e.sha256() == null ? "-" : e.sha256(), escape(e.path()));
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A path with backslash, tab, LF and CR escaped. */
    static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
