package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class PathComponentTest {
    static String roundTrip(String path) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(1024);
        PathComponent.of(path).forEach(c -> c.encode(b));
        return PathComponent.toPath(PathComponent.decodeAll(b.flip()));
    }

    @Test
    void posixPaths() throws Exception {
        assertEquals("../a.txt", roundTrip("../a.txt"));
        assertEquals("/etc/passwd", roundTrip("/etc/passwd"));
        assertEquals("./x/☃", roundTrip("./x/☃"));
        assertEquals("/", roundTrip("/"));
    }

    @Test
    void typeOneResetsToTheRoot() throws Exception {
        List<PathComponent> p = List.of(new PathComponent(5, 0, Cs0.encode("a")), new PathComponent(1, 0, new byte[0]),
                new PathComponent(5, 0, Cs0.encode("b")));
        assertEquals("/b", PathComponent.toPath(p));
    }

    @Test
    void unknownType() {
        assertMalformed("component type 9", () -> PathComponent.toPath(List.of(new PathComponent(9, 0, new byte[0]))));
    }

    @Test
    void nameWithASlash() {
        assertMalformed("bad path component", () -> PathComponent.toPath(List.of(
                new PathComponent(5, 0, Cs0.encode("a/b")))));
        assertMalformed("bad path component", () -> PathComponent.toPath(List.of(new PathComponent(5, 0, new byte[0]))));
    }

    @Test
    void truncatedIdentifier() {
        assertMalformed("componentIdentifier", () -> PathComponent.decodeAll(ByteBuffer.wrap(new byte[] {5, 4, 0, 0, 8})));
    }
}
