package org.discimage.iso9660.naming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    private static final UnaryOperator<String> SAME = s -> s;

    @Test
    void firstByOriginalNameKeepsTheProjection() throws Exception {
        String[] originals = {"c", "a", "b"};
        String[] projected = {"X", "X", "X"};
        String[] ids = UniqueNames.resolve("/", "test", originals, projected, SAME,
                (i, counter) -> "X" + counter, (i, kept) -> { });
        assertArrayEquals(new String[] {"X2", "X", "X1"}, ids);
    }

    @Test
    void suffixesSkipReservedProjections() throws Exception {
        String[] originals = {"a", "b", "x1", "x2"};
        String[] projected = {"X", "X", "X1", "X3"};
        String[] ids = UniqueNames.resolve("/", "test", originals, projected, SAME,
                (i, counter) -> "X" + counter, (i, kept) -> { });
        assertArrayEquals(new String[] {"X", "X2", "X1", "X3"}, ids);
    }

    @Test
    void runningOutOfSuffixesIsNoUniqueName() {
        String[] originals = {"a", "b", "c", "d"};
        String[] projected = {"X", "X", "X", "X"};
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> UniqueNames.resolve("/dir", "ISO 9660", originals, projected, SAME,
                        (i, counter) -> counter > 2 ? null : "X" + counter, (i, kept) -> { }));
        assertEquals(ErrorCode.NO_UNIQUE_NAME, e.code());
        assertTrue(e.getMessage().contains("/dir/d"), e.getMessage());
    }

    @Test
    void collisionCheckSeesLoserAndKeeper() {
        String[] originals = {"b", "a"};
        String[] projected = {"X", "X"};
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> UniqueNames.resolve("/", "test", originals, projected, SAME, (i, counter) -> "X" + counter,
                        (i, kept) -> {
                            throw new DiscImageException(ErrorCode.INVALID_PATH, originals[i] + "<" + originals[kept]);
                        }));
        assertTrue(e.getMessage().startsWith("b<a"), e.getMessage());
    }

    @Test
    void pathJoinsWithoutDoubleSlash() {
        assertEquals("/a", UniqueNames.path("/", "a"));
        assertEquals("/a", UniqueNames.path("", "a"));
        assertEquals("/d/a", UniqueNames.path("/d", "a"));
        assertEquals("/d/a", UniqueNames.path("/d/", "a"));
    }

    @Test
    void describeCharacters() {
        assertEquals("' '", UniqueNames.describe(' '));
        assertEquals("'é' (U+00E9)", UniqueNames.describe('é'));
        assertEquals("U+0001", UniqueNames.describe(1));
        assertEquals("'😀' (U+1F600)", UniqueNames.describe(0x1F600));
    }
}
