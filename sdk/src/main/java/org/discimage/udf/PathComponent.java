package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A path component of a symbolic link's content, ECMA-167 4/14.16.1: component type (1), length of
 * component identifier L_CI (1), component file version number (2), component identifier (L_CI
 * bytes of compressed Unicode). Types (4/14.16.1.1): 1 the root of an implementation-defined file
 * system (treated as {@code /} when the identifier is empty, as Linux does), 2 the root directory
 * {@code /}, 3 the parent {@code ..}, 4 the directory itself {@code .}, 5 a named component.
 *
 * @param componentType              the type
 * @param componentFileVersionNumber file version number (0)
 * @param componentIdentifier        L_CI bytes of compressed Unicode
 */
public record PathComponent(int componentType, int componentFileVersionNumber, byte[] componentIdentifier) {
    /** Bytes before the identifier. */
    public static final int FIXED_LENGTH = 4;
    private static final String S = "PathComponent";

    /** Checks the ranges, copies the identifier. */
    public PathComponent {
        Decoding.checkRange(componentType, 0, 255, "componentType");
        Le.u16Arg(componentFileVersionNumber, "componentFileVersionNumber");
        componentIdentifier = componentIdentifier.clone();
        Decoding.checkRange(componentIdentifier.length, 0, 255, "L_CI");
    }

    /** The identifier (a copy). */
    @Override
    public byte[] componentIdentifier() {
        return componentIdentifier.clone();
    }

    /** 4 + L_CI. */
    public int length() {
        return FIXED_LENGTH + componentIdentifier.length;
    }

    /** Writes the component. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, length());
        Le.put8(d, 0, componentType);
        Le.put8(d, 1, componentIdentifier.length);
        Le.put16(d, 2, componentFileVersionNumber);
        Le.putBytes(d, 4, componentIdentifier);
        b.position(b.position() + length());
    }

    /** Reads one component; MALFORMED_STRUCTURE if truncated. */
    public static PathComponent decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int len = Le.u8(h, 1);
        ByteBuffer d = Le.slice(b, FIXED_LENGTH + len, S + ".componentIdentifier");
        b.position(b.position() + FIXED_LENGTH + len);
        return new PathComponent(Le.u8(d, 0), Le.u16(d, 2), Le.bytes(d, 4, len));
    }

    /** Reads components up to b's limit. */
    public static List<PathComponent> decodeAll(ByteBuffer b) throws DiscImageException {
        List<PathComponent> list = new ArrayList<>();
        while (b.hasRemaining()) {
            list.add(decode(b));
        }
        return list;
    }

    /** The components of a POSIX path: a leading "/" gives a type 2 component, "." 4, ".." 3. */
    public static List<PathComponent> of(String path) {
        List<PathComponent> list = new ArrayList<>();
        if (path.startsWith("/")) {
            list.add(new PathComponent(2, 0, new byte[0]));
        }
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            list.add(switch (part) {
                case "." -> new PathComponent(4, 0, new byte[0]);
                case ".." -> new PathComponent(3, 0, new byte[0]);
                default -> new PathComponent(5, 0, Cs0.encode(part));
            });
        }
        return list;
    }

    /**
     * The POSIX path of a component list. MALFORMED_STRUCTURE for an unknown type, a named component
     * that is empty or holds '/' or NUL, or a malformed identifier.
     */
    public static String toPath(List<PathComponent> components) throws DiscImageException {
        StringBuilder sb = new StringBuilder();
        for (PathComponent c : components) {
            switch (c.componentType) {
                case 1, 2 -> {
                    sb.setLength(0);
                    sb.append('/');
                }
                case 3 -> append(sb, "..");
                case 4 -> append(sb, ".");
                case 5 -> {
                    String name = Cs0.decode(c.componentIdentifier, S + ".componentIdentifier");
                    if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                        throw Decoding.malformed(S + ".componentIdentifier", -1, "bad path component \""
                                + name.replace("\0", "\\0") + "\"");
                    }
                    append(sb, name);
                }
                default -> throw Decoding.malformed(S + ".componentType", -1, "unknown component type "
                        + c.componentType);
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
            sb.append('/');
        }
        sb.append(part);
    }
}
