package org.discimage.joliet;

import java.util.Objects;
import java.util.function.UnaryOperator;

import org.discimage.NamePolicy;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.naming.UniqueNames;

/**
 * Projection of user names onto Joliet identifiers (Joliet specification; docs/formats.md §2.1). The
 * emitter records them as UCS-2 big endian without a {@code ;1} suffix.
 *
 * <h2>Characters</h2>
 * U+0000–U+001F and {@code * / : ; ? \} become {@code _}; so does an unpaired surrogate. Characters
 * outside the Basic Multilingual Plane are kept as their UTF-16 surrogate pair (two units). The names
 * {@code "."} and {@code ".."} (which readers would take for the directory's own records) become
 * {@code "_"} and {@code "__"}; an empty name becomes {@code "_"}. Other names of only dots or spaces
 * are legal Joliet identifiers and are kept.
 *
 * <h2>Length</h2>
 * At most {@value #MAX_LENGTH} UTF-16 units. The extension of a file is what follows its last dot when
 * that dot is not the first character ({@code .bashrc} has none). A name that is too long keeps its
 * extension whole when the extension is at most {@value #EXTENSION_KEPT} units and loses characters at
 * the end of the name part; otherwise (no or a longer extension, or a directory) the whole name is cut
 * at {@value #MAX_LENGTH} units. A cut never separates the two halves of a surrogate pair.
 *
 * <h2>Uniqueness</h2>
 * Identifiers are made unique case-sensitively, as xorriso and genisoimage do: Linux and 7-Zip then
 * show {@code A.txt} and {@code a.txt} both (Windows, which compares case-insensitively, shows one).
 * Collisions are resolved by {@link UniqueNames}: the member
 * with the smallest original name keeps the projection, the others get a decimal counter before the
 * extension ({@code report.txt}, {@code report1.txt}, …), shortening the name part so the 64-unit limit
 * still holds (a name with no or a long extension gets the counter at its end).
 *
 * <h2>Policy</h2>
 * With {@link NamePolicy#STRICT} any adaptation (a character mapped, a truncation, a collision suffix) fails with {@link ErrorCode#INVALID_PATH} naming the item's path.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JolietNames {

    /** Maximum identifier length in UTF-16 units (64 UCS-2 characters, 128 bytes). */
    public static final int MAX_LENGTH = 64;

    /** Maximum volume identifier length in UTF-16 units (the SVD field is 32 bytes). */
    public static final int VOLUME_ID_LENGTH = 16;

    /** Extensions up to this many units survive the truncation of a long name. */
    public static final int EXTENSION_KEPT = 8;

    private final NamePolicy policy;

    /** A projection for that policy. */
    public JolietNames(NamePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy. */
    public NamePolicy policy() {
        return policy;
    }

    /**
     * The Joliet identifiers of the children of one directory (without {@code ;1}).
     *
     * @param dirPath     the directory's path in the tree (for messages)
     * @param names       the children's original names (never containing '/' or NUL)
     * @param isDirectory for each child, whether it is a directory
     * @return the identifiers in the order of {@code names}, unique within the directory
     *         case-insensitively, each at most 64 UTF-16 units
     * @throws DiscImageException {@link ErrorCode#INVALID_PATH} (STRICT) naming the first item that needs
     *                            adapting, or {@link ErrorCode#NO_UNIQUE_NAME}
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public String[] assign(String dirPath, String[] names, boolean[] isDirectory) throws DiscImageException {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(isDirectory, "isDirectory");
        if (names.length != isDirectory.length) {
            throw new IllegalArgumentException("names and isDirectory differ in length: " + names.length
                    + " != " + isDirectory.length);
        }
        int n = names.length;
        String[] bases = new String[n];
        String[] extensions = new String[n]; // null: no extension
        String[] projected = new String[n];
        for (int i = 0; i < n; i++) {
            String name = Objects.requireNonNull(names[i], "names[i]");
            String mapped;
            int bad;
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                mapped = name.isEmpty() ? "_" : name.replace('.', '_');
                bad = 0;
            } else {
                StringBuilder sb = new StringBuilder(name.length());
                bad = mapInto(name, sb);
                mapped = bad < 0 ? name : sb.toString();
            }
            int dot = isDirectory[i] ? -1 : mapped.lastIndexOf('.');
            if (dot > 0) {
                bases[i] = mapped.substring(0, dot);
                extensions[i] = mapped.substring(dot + 1);
            } else {
                bases[i] = mapped;
            }
            projected[i] = candidate(bases[i], extensions[i], 0);
            if (policy == NamePolicy.STRICT) {
                String why = null;
                if (bad >= 0) {
                    why = name.isEmpty() ? "the name is empty"
                            : name.equals(".") || name.equals("..")
                            ? "'" + name + "' is reserved for the directory's own records"
                            : "not allowed in Joliet: " + UniqueNames.describe(name.codePointAt(bad));
                } else if (projected[i].length() < mapped.length()) {
                    why = "longer than " + MAX_LENGTH + " UTF-16 units (" + mapped.length() + ")";
                }
                if (why != null) {
                    throw new DiscImageException(ErrorCode.INVALID_PATH, "Joliet name of "
                            + UniqueNames.path(dirPath, name) + " would need adapting: " + why);
                }
            }
        }
        return UniqueNames.resolve(dirPath, "Joliet", names, projected, UnaryOperator.identity(),
                (index, counter) -> candidate(bases[index], extensions[index], counter),
                (index, kept) -> {
                    if (policy == NamePolicy.STRICT) {
                        throw new DiscImageException(ErrorCode.INVALID_PATH, "Joliet name of "
                                + UniqueNames.path(dirPath, names[index]) + " is not unique: '" + projected[index]
                                + "' is also the name of '" + names[kept]
                                + "' when compared case-insensitively, as Windows does");
                    }
                });
    }

    /**
     * Maps forbidden units to '_' into {@code out}; returns the index of the first unit mapped, or -1.
     */
    private static int mapInto(String s, StringBuilder out) {
        int firstBad = -1;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (c < 0x20) {
                ok = false;
            } else if (c < 0x80) {
                ok = c != '*' && c != '/' && c != ':' && c != ';' && c != '?' && c != '\\';
            } else if (Character.isHighSurrogate(c)) {
                ok = i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    out.append(c);
                    c = s.charAt(++i);
                }
            } else {
                ok = !Character.isLowSurrogate(c);
            }
            if (!ok && firstBad < 0) {
                firstBad = i;
            }
            out.append(ok ? c : '_');
        }
        return firstBad;
    }

    /**
     * The identifier made of {@code base}, the counter (0: none) and the extension (null: none), at
     * most 64 units.
     */
    private static String candidate(String base, String extension, int counter) {
        String digits = counter == 0 ? "" : Integer.toString(counter);
        int d = digits.length();
        if (extension == null) {
            return counter == 0 && base.length() <= MAX_LENGTH ? base : cut(base, MAX_LENGTH - d) + digits;
        }
        int full = base.length() + d + 1 + extension.length();
        if (full <= MAX_LENGTH) {
            return counter == 0 ? base + '.' + extension : base + digits + '.' + extension;
        }
        if (extension.length() <= EXTENSION_KEPT) {
            return cut(base, MAX_LENGTH - 1 - extension.length() - d) + digits + '.' + extension;
        }
        return cut(base + '.' + extension, MAX_LENGTH - d) + digits;
    }

    /** The first {@code length} units of {@code s}, one fewer if that would split a surrogate pair. */
    private static String cut(String s, int length) {
        if (s.length() <= length) {
            return s;
        }
        int end = length;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * The volume identifier of the Joliet supplementary volume descriptor: at most 16 UTF-16 units (the
     * field holds 32 bytes of UCS-2), with the characters forbidden in Joliet identifiers mapped to
     * {@code _}; a supplementary character is never cut in half. An empty label stays empty.
     *
     * @throws DiscImageException {@link ErrorCode#INVALID_VOLUME_NAME} under STRICT when the label has a
     *                            forbidden character or is longer than 16 units
     */
    public static String volumeIdentifier(String label, NamePolicy policy) throws DiscImageException {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(policy, "policy");
        StringBuilder sb = new StringBuilder(label.length());
        int bad = mapInto(label, sb);
        if (policy == NamePolicy.STRICT) {
            if (bad >= 0) {
                throw new DiscImageException(ErrorCode.INVALID_VOLUME_NAME, "Joliet volume label '" + label
                        + "': not allowed in Joliet: " + UniqueNames.describe(label.codePointAt(bad)));
            }
            if (label.length() > VOLUME_ID_LENGTH) {
                throw new DiscImageException(ErrorCode.INVALID_VOLUME_NAME, "Joliet volume label '" + label
                        + "' is longer than " + VOLUME_ID_LENGTH + " UTF-16 units (" + label.length() + ")");
            }
        }
        return cut(sb.toString(), VOLUME_ID_LENGTH);
    }

    /**
     * Compares two Joliet identifiers in directory and path-table order (negative, zero or positive):
     * byte-wise comparison of their UCS-2 big-endian encodings, the shorter one first when it is a prefix
     * of the other. Big-endian bytes compare exactly as the 16-bit units they encode, so this is
     * {@link String#compareTo} (UTF-16 code unit order; a surrogate pair sorts by its units, 0xD800–0xDFFF,
     * i.e. below U+E000–U+FFFF, which is what the bytes on disc do too). No 9.3-style space padding or
     * name/extension split is applied (as xorriso and genisoimage do).
     */
    public static int compare(String a, String b) {
        return a.compareTo(b);
    }
}
