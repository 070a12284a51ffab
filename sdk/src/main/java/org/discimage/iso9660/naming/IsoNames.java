package org.discimage.iso9660.naming;

import java.text.Normalizer;
import java.util.Objects;

import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Projection of user names onto ISO 9660 identifiers (ECMA-119 7.4, 7.5, 7.6, 9.3, 10).
 *
 * <h2>Characters</h2>
 * Identifiers are made of d-characters ({@code A-Z 0-9 _}). Lower-case ASCII letters are upper-cased,
 * which does not count as adapting a name. A letter of the Latin-1 Supplement and Latin Extended-A/B
 * blocks (U+0080–U+024F) whose canonical decomposition (NFD) is an ASCII letter or digit followed by
 * combining marks maps to that upper-cased letter ({@code é → E}); every other code point, including a
 * supplementary one (a surrogate pair), becomes one {@code _}.
 *
 * <h2>Files</h2>
 * A file name is split into NAME and EXT at its <em>last</em> dot; dots inside NAME become {@code _}.
 * A name without a dot, or whose only dot is the first character (a "dot file"), has no extension:
 * {@code .bashrc} → {@code _BASHRC.} (the leading dot becomes {@code _}, as in mkisofs).
 * The returned identifier is exactly what is recorded minus the {@code ;1} version: it always contains
 * the separator dot, so a file without extension yields {@code "README."} (ECMA-119 7.5.1: the
 * separator is always present). {@code "README."} as a user name is therefore not adapted.
 * <ul>
 *   <li>Level 1: NAME ≤ 8, EXT ≤ 3, each truncated on its own.</li>
 *   <li>Levels 2 and 3: NAME + EXT ≤ 30 (the dot not counted). When both do not fit, the extension keeps
 *       {@code max(8, 30 - NAME length)} of its characters (all of them if it is shorter) and the name
 *       is cut to what remains.</li>
 * </ul>
 *
 * <h2>Directories</h2>
 * No extension and no dot (every dot becomes {@code _}); at most 8 characters at level 1, 31 at levels
 * 2 and 3.
 *
 * <h2>Uniqueness</h2>
 * Identifiers are compared without the version and without the separator of a file with no
 * extension, so the file {@code README.} and the directory {@code README} collide (readers such as
 * Linux strip the trailing dot and would show two entries of one name). Collisions are resolved by
 * {@link UniqueNames}: the member with the smallest original name keeps the projection, the others get
 * a decimal counter appended to the NAME part (before the extension), the NAME part being shortened so
 * that the limits still hold: {@code LONGFILE.TXT}, {@code LONGFIL1.TXT}, …, {@code LONGFI10.TXT}. At
 * level 1 the counter may take the whole NAME part (up to 99,999,999); if even that is exhausted the
 * build fails with {@link ErrorCode#NO_UNIQUE_NAME}.
 *
 * <h2>Policy</h2>
 * With {@link NamePolicy#STRICT} any adaptation beyond upper-casing (a character mapped, a truncation, a
 * collision suffix) fails with {@link ErrorCode#INVALID_PATH} naming the item's path and the reason.
 * With {@link NamePolicy#MANGLE} only {@link ErrorCode#NO_UNIQUE_NAME} can be thrown.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IsoNames {

    /** Extension characters kept at levels 2 and 3 when NAME + EXT is over 30 (at least). */
    static final int EXTENSION_KEPT = 8;

    /** Maximum length of the volume identifier (ECMA-119 8.4.6, 32 d-characters). */
    public static final int VOLUME_ID_LENGTH = 32;

    /** Per code point U+0080..U+024F: the ASCII upper-case base letter or digit, or 0 for none. */
    private static final byte[] LATIN_BASE = buildLatinBase();
    private static final int LATIN_FIRST = 0x80;

    /** a-characters other than d-characters (ECMA-119 7.4.1): space and !"%&'()*+,-./:;<=>? */
    private static final String A_EXTRA = " !\"%&'()*+,-./:;<=>?";

    private final IsoLevel level;
    private final NamePolicy policy;
    private final int maxName;
    private final int maxExtension;
    private final int maxFile;
    private final int maxDirectory;

    /** A projection for that interchange level and policy. */
    public IsoNames(IsoLevel level, NamePolicy policy) {
        this.level = Objects.requireNonNull(level, "level");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.maxName = level.maxNameAndExtension();
        this.maxExtension = level.maxExtension();
        this.maxFile = level == IsoLevel.LEVEL_1 ? maxName + maxExtension : maxName;
        this.maxDirectory = level.maxDirectoryName();
    }

    /** The interchange level. */
    public IsoLevel level() {
        return level;
    }

    /** The policy. */
    public NamePolicy policy() {
        return policy;
    }

    /**
     * The ISO 9660 identifiers of the children of one directory, without the {@code ;1} version.
     *
     * @param dirPath     the directory's path in the tree (for messages), e.g. {@code "/docs"}
     * @param names       the children's original names (never containing '/' or NUL)
     * @param isDirectory for each child, whether it is a directory
     * @return the identifiers in the order of {@code names}: files as {@code NAME.EXT} or {@code NAME.},
     *         directories as {@code NAME}; unique within the directory
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
        String[] projected = new String[n];
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < n; i++) {
            String name = Objects.requireNonNull(names[i], "names[i]");
            boolean dir = isDirectory[i];
            // one pass maps NAME (and .EXT) into sb; the parts as Strings are made only where a name
            // must be cut or numbered, or checked under STRICT (most names are neither)
            int dot = dir ? -1 : name.lastIndexOf('.');
            int baseEnd = dot > 0 ? dot : name.length();
            sb.setLength(0);
            int badBase = mapInto(name, 0, baseEnd, false, sb);
            if (sb.length() == 0) {
                sb.append('_');
                badBase = 0; // only the empty name maps to nothing
            }
            int baseLength = sb.length();
            int badExt = -1;
            if (!dir) {
                sb.append('.');
                if (dot > 0) {
                    badExt = mapInto(name, dot + 1, name.length(), false, sb);
                }
            }
            int extLength = dir ? 0 : sb.length() - baseLength - 1;
            boolean fits = dir ? baseLength <= maxDirectory
                    : baseLength <= maxName && extLength <= maxExtension && baseLength + extLength <= maxFile;
            String base = null;
            String extension = null;
            if (fits) {
                projected[i] = sb.toString(); // what candidate(base, extension, 0) gives for parts within the limits
            } else {
                base = sb.substring(0, baseLength);
                extension = dir ? null : sb.substring(baseLength + 1);
                projected[i] = candidate(base, extension, 0);
            }
            if (policy == NamePolicy.STRICT) {
                if (base == null) {
                    base = sb.substring(0, baseLength);
                    extension = dir ? null : sb.substring(baseLength + 1);
                }
                checkStrict(dirPath, name, dir, badBase >= 0 ? badBase : badExt, projected[i], base, extension);
            }
        }
        return UniqueNames.resolve(dirPath, "ISO 9660", names, projected, IsoNames::key,
                (index, counter) -> {
                    String[] parts = parts(names[index], isDirectory[index]);
                    return candidate(parts[0], parts[1], counter);
                },
                (index, kept) -> {
                    if (policy == NamePolicy.STRICT) {
                        throw new DiscImageException(ErrorCode.INVALID_PATH, "ISO 9660 level " + level.number()
                                + " name of " + UniqueNames.path(dirPath, names[index]) + " is not unique: '"
                                + projected[index] + "' is also the name of '" + names[kept] + "'");
                    }
                });
    }

    /** NAME and EXT of a name mapped to d-characters (EXT null for a directory), as {@link #assign} maps them. */
    private static String[] parts(String name, boolean dir) {
        int dot = dir ? -1 : name.lastIndexOf('.');
        int baseEnd = dot > 0 ? dot : name.length();
        StringBuilder sb = new StringBuilder(name.length());
        mapInto(name, 0, baseEnd, false, sb);
        String base = sb.length() == 0 ? "_" : sb.toString();
        if (dir) {
            return new String[] {base, null};
        }
        sb.setLength(0);
        if (dot > 0) {
            mapInto(name, dot + 1, name.length(), false, sb);
        }
        return new String[] {base, sb.toString()};
    }

    private void checkStrict(String dirPath, String name, boolean dir, int bad, String projected, String base,
                             String extension) throws DiscImageException {
        String why = null;
        if (bad >= 0) {
            why = bad >= name.length() ? "the name is empty"
                    : "not a d-character: " + UniqueNames.describe(name.codePointAt(bad));
        } else if (dir ? projected.length() < base.length()
                : projected.length() - 1 < base.length() + extension.length()) {
            if (dir) {
                why = "directory name longer than " + maxDirectory + " characters at level " + level.number();
            } else if (level == IsoLevel.LEVEL_1) {
                why = "longer than 8.3 at level 1";
            } else {
                why = "name and extension longer than " + maxFile + " characters at level " + level.number();
            }
        }
        if (why != null) {
            throw new DiscImageException(ErrorCode.INVALID_PATH, "ISO 9660 level " + level.number() + " name of "
                    + UniqueNames.path(dirPath, name) + " would need adapting: " + why);
        }
    }

    /** Uniqueness key: the identifier without the separator of a file that has no extension. */
    private static String key(String identifier) {
        int last = identifier.length() - 1;
        return last > 0 && identifier.charAt(last) == '.' ? identifier.substring(0, last) : identifier;
    }

    /**
     * The identifier of NAME {@code base} and EXT {@code ext} (null: a directory) with counter
     * {@code counter} (0 = no suffix), or null when the counter's digits do not fit the limits.
     */
    private String candidate(String base, String ext, int counter) {
        String digits = counter == 0 ? "" : Integer.toString(counter);
        int d = digits.length();
        if (ext == null) {
            int room = maxDirectory - d;
            if (room < 0) {
                return null;
            }
            return d == 0 ? cut(base, room) : cut(base, room) + digits;
        }
        if (d > maxName || d > maxFile) {
            return null;
        }
        int extLen = Math.min(ext.length(), Math.min(maxExtension, maxFile - d));
        if (base.length() + d + extLen > maxFile) {
            extLen = Math.min(extLen, Math.max(EXTENSION_KEPT, maxFile - base.length() - d));
        }
        int baseLen = Math.min(base.length(), Math.min(maxName - d, maxFile - extLen - d));
        StringBuilder sb = new StringBuilder(baseLen + d + 1 + extLen);
        sb.append(base, 0, baseLen).append(digits).append('.').append(ext, 0, extLen);
        return sb.toString();
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }

    /**
     * Maps {@code s[from, to)} to d- (or a-) characters into {@code out}, one output character per code
     * point. Returns the index of the first code point that had to be adapted (upper-casing a-z does not
     * count), or -1.
     */
    private static int mapInto(String s, int from, int to, boolean aCharacters, StringBuilder out) {
        int firstBad = -1;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            char mapped;
            int width = 1;
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                mapped = c;
            } else if (c >= 'a' && c <= 'z') {
                mapped = (char) (c - ('a' - 'A'));
            } else if (aCharacters && c < 0x80 && A_EXTRA.indexOf(c) >= 0) {
                mapped = c;
            } else {
                if (firstBad < 0) {
                    firstBad = i;
                }
                mapped = '_';
                if (c >= LATIN_FIRST && c - LATIN_FIRST < LATIN_BASE.length && LATIN_BASE[c - LATIN_FIRST] != 0) {
                    mapped = (char) LATIN_BASE[c - LATIN_FIRST];
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    width = 2;
                }
            }
            out.append(mapped);
            i += width;
        }
        return firstBad;
    }

    private static byte[] buildLatinBase() {
        byte[] table = new byte[0x250 - LATIN_FIRST];
        for (int cp = LATIN_FIRST; cp < 0x250; cp++) {
            String nfd = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFD);
            char first = nfd.charAt(0);
            boolean ok = nfd.length() > 1 && first < 0x80 && Character.isLetterOrDigit(first);
            for (int k = 1; ok && k < nfd.length(); k++) {
                ok = Character.getType(nfd.charAt(k)) == Character.NON_SPACING_MARK;
            }
            if (ok) {
                table[cp - LATIN_FIRST] = (byte) Character.toUpperCase(first);
            }
        }
        return table;
    }

    /**
     * The volume identifier of the primary volume descriptor (ECMA-119 8.4.6): d-characters, at most
     * 32. An empty label stays empty.
     *
     * @throws DiscImageException {@link ErrorCode#INVALID_VOLUME_NAME} under STRICT when the label has a
     *                            character that is not a d-character (after upper-casing) or is longer
     *                            than 32 characters
     */
    public static String volumeIdentifier(String label, NamePolicy policy) throws DiscImageException {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(policy, "policy");
        StringBuilder sb = new StringBuilder(label.length());
        int bad = mapInto(label, 0, label.length(), false, sb);
        if (policy == NamePolicy.STRICT) {
            if (bad >= 0) {
                throw new DiscImageException(ErrorCode.INVALID_VOLUME_NAME, "ISO 9660 volume label '" + label
                        + "': not a d-character: " + UniqueNames.describe(label.codePointAt(bad)));
            }
            if (sb.length() > VOLUME_ID_LENGTH) {
                throw new DiscImageException(ErrorCode.INVALID_VOLUME_NAME, "ISO 9660 volume label '" + label
                        + "' is longer than " + VOLUME_ID_LENGTH + " characters");
            }
        }
        return cut(sb.toString(), VOLUME_ID_LENGTH);
    }

    /**
     * {@code s} as a-characters (ECMA-119 7.4.1: {@code A-Z 0-9 _}, space and
     * {@code !"%&'()*+,-./:;<=>?}): lower-case letters upper-cased, accented Latin letters replaced by
     * their base letter, any other character by {@code _}, truncated to {@code maxLength}.
     */
    public static String aCharacters(String s, int maxLength) {
        return map(s, maxLength, true);
    }

    /**
     * {@code s} as d-characters (ECMA-119 7.4.1: {@code A-Z 0-9 _}): lower-case letters upper-cased,
     * accented Latin letters replaced by their base letter, any other character by {@code _}, truncated
     * to {@code maxLength}.
     */
    public static String dCharacters(String s, int maxLength) {
        return map(s, maxLength, false);
    }

    private static String map(String s, int maxLength, boolean aCharacters) {
        Objects.requireNonNull(s, "s");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), maxLength));
        mapInto(s, 0, s.length(), aCharacters, sb);
        return cut(sb.toString(), maxLength);
    }

    /**
     * Compares two ISO 9660 file or directory identifiers in the order of ECMA-119 9.3 (negative, zero
     * or positive). Each identifier is split at its first {@code .} into NAME and EXT, and at {@code ;}
     * into the version; NAMEs are compared byte by byte, the shorter padded on the right with 0x20, then
     * EXTs the same way, then versions in <em>descending</em> numeric order (identifiers are normally
     * given without {@code ;1}).
     *
     * <p>For identifiers of d-characters this is the same as a byte-wise comparison of {@code NAME.EXT}
     * (libisofs): {@code .} (0x2E) sorts below every d-character and above the padding 0x20. It differs
     * for bytes below 0x2E that are not d-characters (found only in foreign, non-conforming images):
     * with 9.3, {@code A.X} &lt; {@code A-.X} (the NAME {@code "A "} against {@code "A-"}), byte-wise the
     * other way round. This method implements 9.3.
     */
    public static int compare(byte[] a, byte[] b) {
        int aVersion = indexOf(a, (byte) ';', a.length);
        int bVersion = indexOf(b, (byte) ';', b.length);
        int aDot = indexOf(a, (byte) '.', aVersion);
        int bDot = indexOf(b, (byte) '.', bVersion);
        int c = comparePadded(a, 0, aDot, b, 0, bDot);
        if (c != 0) {
            return c;
        }
        c = comparePadded(a, Math.min(aDot + 1, aVersion), aVersion, b, Math.min(bDot + 1, bVersion), bVersion);
        if (c != 0) {
            return c;
        }
        return Long.compare(version(b, bVersion), version(a, aVersion));
    }

    private static int indexOf(byte[] s, byte value, int end) {
        for (int i = 0; i < end; i++) {
            if (s[i] == value) {
                return i;
            }
        }
        return end;
    }

    private static int comparePadded(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int aLen = aTo - aFrom;
        int bLen = bTo - bFrom;
        int len = Math.max(aLen, bLen);
        for (int k = 0; k < len; k++) {
            int x = k < aLen ? a[aFrom + k] & 0xFF : 0x20;
            int y = k < bLen ? b[bFrom + k] & 0xFF : 0x20;
            if (x != y) {
                return x - y;
            }
        }
        return 0;
    }

    /** The numeric version after ';' (none: 1, as when the emitter appends ";1"; malformed digits: 0). */
    private static long version(byte[] s, int semicolon) {
        if (semicolon >= s.length) {
            return 1;
        }
        long v = 0;
        for (int i = semicolon + 1; i < s.length; i++) {
            int digit = s[i] - '0';
            if (digit < 0 || digit > 9 || v > 1_000_000) {
                return 0;
            }
            v = v * 10 + digit;
        }
        return v;
    }
}
