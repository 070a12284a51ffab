package org.discimage.iso9660.naming;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The collision rule shared by the ISO 9660 and Joliet projections (internal; this package is not
 * exported). Given the projected identifiers of the children of one directory it makes them unique,
 * deterministically and independently of the order the children were given in:
 * <ol>
 *   <li>every projected identifier is reserved first, so a generated name can never take the
 *       projection of another child (a generated {@code ABC1} never clashes with a real {@code ABC1});</li>
 *   <li>groups of children with the same comparison key are processed in key order; inside a group the
 *       members are taken in the order of their original names ({@link String#compareTo}); the first
 *       keeps its projection, each other member gets the first counter (1, 2, …, continuing inside the
 *       group) whose candidate identifier is not reserved yet.</li>
 * </ol>
 * The work is one sort of the children, O(n log n), plus one hash look-up per candidate tried.
 */
public final class UniqueNames {

    /** Identifiers of one child with a numeric suffix. */
    @FunctionalInterface
    public interface Candidates {
        /**
         * The identifier of child {@code index} carrying the numeric suffix {@code counter} (at least 1),
         * or {@code null} when a suffix of that many digits no longer fits the length limits.
         */
        String withSuffix(int index, int counter);
    }

    /** Called for each child that has to leave its projection to another one (STRICT throws). */
    @FunctionalInterface
    public interface CollisionCheck {
        /** Child {@code index} collides with child {@code keptIndex}, which keeps the identifier. */
        void collided(int index, int keptIndex) throws DiscImageException;
    }

    private UniqueNames() {
    }

    /**
     * Makes the projections of the children of one directory unique.
     *
     * @param dirPath     the directory's path in the tree, for messages
     * @param namespace   the namespace's name for messages ("ISO 9660", "Joliet")
     * @param originals   the children's original names
     * @param projected   their projections (same order and length)
     * @param keyOf       the key two identifiers are compared by (equal keys collide)
     * @param candidates  identifiers with numeric suffixes
     * @param onCollision called before a child is renamed; may throw
     * @return the unique identifiers, in the order of {@code originals}
     * @throws DiscImageException {@link ErrorCode#NO_UNIQUE_NAME} when the suffixes run out, or what
     *                            {@code onCollision} throws
     */
    public static String[] resolve(String dirPath, String namespace, String[] originals, String[] projected,
                                   UnaryOperator<String> keyOf, Candidates candidates,
                                   CollisionCheck onCollision) throws DiscImageException {
        int n = projected.length;
        String[] result = projected.clone();
        if (n < 2) {
            return result;
        }
        String[] keys = new String[n];
        Set<String> distinct = new HashSet<>(Math.max(16, (int) (n / 0.6f)));
        boolean clash = false;
        for (int i = 0; i < n; i++) {
            keys[i] = keyOf.apply(projected[i]);
            clash |= !distinct.add(keys[i]);
        }
        if (!clash) {
            return result; // the common case: no sort needed to find who keeps a name
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = keys[x].compareTo(keys[y]);
            if (c == 0) {
                c = originals[x].compareTo(originals[y]);
            }
            return c != 0 ? c : Integer.compare(x, y);
        });
        Set<String> reserved = null;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            String key = keys[order[start]];
            while (end < n && keys[order[end]].equals(key)) {
                end++;
            }
            if (end - start > 1) {
                if (reserved == null) {
                    reserved = new HashSet<>(Math.max(16, (int) (n / 0.6f)));
                    for (String k : keys) {
                        reserved.add(k);
                    }
                }
                int kept = order[start];
                int counter = 1;
                for (int m = start + 1; m < end; m++) {
                    int index = order[m];
                    onCollision.collided(index, kept);
                    while (true) {
                        String candidate = candidates.withSuffix(index, counter);
                        if (candidate == null) {
                            throw new DiscImageException(ErrorCode.NO_UNIQUE_NAME, "no unique " + namespace
                                    + " name for " + path(dirPath, originals[index]) + ": " + (end - start)
                                    + " names of the directory project to '" + projected[kept] + "'");
                        }
                        counter++;
                        if (reserved.add(keyOf.apply(candidate))) {
                            result[index] = candidate;
                            break;
                        }
                    }
                }
            }
            start = end;
        }
        return result;
    }

    /** The full path of a child: {@code dirPath + "/" + name} without doubling the slash. */
    public static String path(String dirPath, String name) {
        if (dirPath == null || dirPath.isEmpty()) {
            return "/" + name;
        }
        return dirPath.endsWith("/") ? dirPath + name : dirPath + "/" + name;
    }

    /** A character for a message: quoted, with its code point when it is not printable ASCII. */
    public static String describe(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7F) {
            return "'" + (char) codePoint + "'";
        }
        String hex = String.format("U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE) {
            return hex;
        }
        return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
    }
}
