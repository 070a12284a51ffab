package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.media.ImageFileMedium;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.udf.Cs0;
import org.discimage.udf.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-place encoder of the UDF partition's metadata blocks ({@link UdfPartitionProducer}: File
 * Entries, FIDs, allocation descriptors written straight into the sector) gives the same bytes as
 * the record encoder it replaced ({@link ReferenceUdfPartitionProducer}, the code of commit
 * be41078), block by block, for UDF-only images, embedded data, AED chains and ISO/UDF bridges of
 * every revision, over a tree with what changes the encoding: 8- and 16-bit names up to the 255
 * bytes of a file identifier, FIDs across block boundaries, hard links, short and long symbolic
 * links, devices, empty files, files of several extents, hidden items, setuid/setgid/sticky, owners
 * above 2^31 and times before 1970 and after 2038.
 */
class UdfPartitionEncodingTest {
    private static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");
    private static final Set<FileSystem> UDF = EnumSet.of(FileSystem.UDF);
    private static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET,
            FileSystem.ROCK_RIDGE, FileSystem.UDF);

    static Directory tree() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        FileItem a = root.addFile("a.txt", "hello".getBytes());
        root.addFile("empty", new byte[0]);
        root.addFile("Grüße.txt", new byte[3000]);
        root.addFile("日本語.txt", new byte[100]);
        root.addFile("x".repeat(254), new byte[1]);        // 255 bytes: ID 8 + 254
        root.addFile("Ж".repeat(127), new byte[2]);        // 255 bytes: ID 16 + 2 * 127
        root.addFile("several-extents.bin", new byte[10_000]);
        root.addHardLink("hard-a.txt", a);
        root.addHardLink("sub/hard-a.txt", a);
        root.addSymlink("short-link", "a.txt");
        root.addSymlink("long-link", ("directory-" + "é".repeat(40) + "/").repeat(40) + "end");
        root.addDevice("dev/null", DeviceItem.Kind.CHARACTER, 1, 3);
        root.addDevice("dev/sda", DeviceItem.Kind.BLOCK, 8, 0);
        Directory many = root.addDirectory("many");
        for (int i = 0; i < 90; i++) {
            FileItem f = many.addFile(String.format("file-%03d-%s", i, "y".repeat(i)), new byte[i * 37]);
            f.setTimes(Instant.ofEpochSecond(-4_000_000_000L + i * 1_234_567_891L), Instant.ofEpochSecond(i * 86_399L),
                    Instant.ofEpochSecond(951_782_400L + i));  // 2000-02-29 and on
        }
        Directory deep = root.addDirectory("sub/deeper/deepest");
        deep.addFile("f", new byte[5]);
        root.item("a.txt").orElseThrow().setMode(04755);
        root.item("sub").orElseThrow().setMode(03777);
        root.item("empty").orElseThrow().setHidden(true);
        root.item("empty").orElseThrow().setOwner(-2, Integer.MIN_VALUE);
        root.item("sub/deeper").orElseThrow().setTimes(Instant.parse("9999-12-31T23:59:59Z"));
        root.item("Grüße.txt").orElseThrow().setTimes(Instant.parse("1601-01-01T00:00:00Z"));
        return root;
    }

    private static PlanRequest request(Set<FileSystem> fs, UdfRevision revision) throws Exception {
        return new PlanRequest(tree(), fs, IsoLevel.LEVEL_3, NamePolicy.MANGLE, VolumeIdentifiers.defaults(), TIME, 0,
                revision);
    }

    /** Every UDF partition producer of the layout; fails if there is none. */
    private static List<UdfPartitionProducer> producers(Layout layout) {
        List<UdfPartitionProducer> out = new ArrayList<>();
        for (PlannedExtent e : layout.extents()) {
            if (e instanceof MetadataExtent m && m.producer().get() instanceof UdfPartitionProducer p) {
                out.add(p);
            }
        }
        assertTrue(!out.isEmpty(), "no UDF partition producer in the layout");
        return out;
    }

    private static long sectorsOf(Layout layout, UdfPartitionProducer p) {
        for (PlannedExtent e : layout.extents()) {
            if (e instanceof MetadataExtent m && m.producer().get() instanceof UdfPartitionProducer) {
                return e.sectors();
            }
        }
        throw new AssertionError();
    }

    /**
     * Produces every block of the layout's UDF partition producers with the new encoder (into heap
     * and into direct buffers: the in-place and the scratch path) and the reference; asserts equal.
     */
    private static int assertSameBytes(Layout layout) throws Exception {
        int compared = 0;
        long sectors = sectorsOf(layout, null);
        for (UdfPartitionProducer p : producers(layout)) {
            compared += compare(p, new ReferenceUdfPartitionProducer(p), sectors, false);
        }
        UdfPartitionProducer again = producers(layout).get(0);
        compared += compare(again, new ReferenceUdfPartitionProducer(again), sectors, true);
        return compared;
    }

    private static int compare(UdfPartitionProducer fast, ReferenceUdfPartitionProducer reference, long sectors,
                               boolean direct) throws Exception {
        ByteBuffer big = direct ? ByteBuffer.allocateDirect(3 * 2048) : ByteBuffer.allocate(3 * 2048);
        for (long i = 0; i < sectors; i++) {
            // at an offset inside a larger buffer, as the image writer batches sectors
            ByteBuffer a = big.clear().position(2048).slice(2048, 2048);
            a.put(0, new byte[2048]);
            fast.next(a);
            assertEquals(2048, a.position());
            ByteBuffer b = ByteBuffer.allocate(2048);
            reference.next(b);
            byte[] got = new byte[2048];
            a.get(0, got);
            assertArrayEquals(b.array(), got, "partition block " + i + (direct ? " (direct buffer)" : ""));
        }
        return (int) sectors;
    }

    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void udfOnlyImagesEncodeAsBefore(UdfRevision revision) throws Exception {
        Layout layout = UdfImagePlanner.plan(request(UDF, revision));
        assertTrue(assertSameBytes(layout) > 100, "FIDs of the directory of 90 files span blocks");
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R1_02", "R2_01", "R2_50", "R2_60"})
    void embeddedDataEncodesAsBefore(UdfRevision revision) throws Exception {
        assertSameBytes(UdfImagePlanner.planEmbedded(request(UDF, revision)));
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R1_02", "R2_01", "R2_50"})
    void allocationExtentDescriptorChainsEncodeAsBefore(UdfRevision revision) throws Exception {
        // extents of one block: the file of 3000 bytes has 2, the many/ files up to 2, and a file of
        // 600 blocks more than an entry holds (ECMA-167 4/14.5)
        Directory root = tree();
        root.addFile("aed.bin", new byte[600 * 2048 + 5]);
        Layout layout = UdfImagePlanner.plan(new PlanRequest(root, UDF, IsoLevel.LEVEL_3, NamePolicy.MANGLE,
                VolumeIdentifiers.defaults(), TIME, 0, revision), 2048);
        assertSameBytes(layout);
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R1_02", "R1_50", "R2_01", "R2_50", "R2_60"})
    void bridgeImagesEncodeAsBefore(UdfRevision revision) throws Exception {
        assertSameBytes(UdfBridgePlanner.plan(request(BRIDGE, revision)));
        assertSameBytes(UdfBridgePlanner.plan(request(BRIDGE, revision), false));
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R1_02", "R2_01", "R2_50"})
    void anAppendedSessionEncodesAsBefore(UdfRevision revision, @TempDir Path work) throws Exception {
        // the partition reaches back over session 1: tag locations and ICBs add the origin (UdfBridgePlanner)
        Path img = work.resolve("bridge.iso");
        Clock clock = Clock.fixed(TIME, ZoneOffset.UTC);
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(clock);
            medium.prepare(image);
            image.setFileSystems(BRIDGE);
            image.setUdfRevision(revision);
            image.root().addFile("keep.bin", new byte[5000]);
            medium.append(image.createResultImage());
        }
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(clock);
            medium.prepare(image);
            image.root().addFile("new.bin", new byte[7000]);
            image.root().addFile("Grüße/日本語.txt", new byte[70]);
            PlanRequest request = new PlanRequest(image.root(), BRIDGE, IsoLevel.LEVEL_3, NamePolicy.MANGLE,
                    VolumeIdentifiers.defaults(), TIME, medium.nextWritableAddress(), revision);
            assertTrue(assertSameBytes(UdfBridgePlanner.planAppended(request, true, medium.sectors(), 32 + 257)) > 0);
        }
    }

    /** Timestamp.put against java.time's calendar (Timestamp.of), over years -32768 .. 32767. */
    @Test
    void timestampsOfWholeSecondsMatchJavaTime() {
        Random r = new Random(42);
        long min = Instant.parse("-32768-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+32767-12-31T23:59:59Z").getEpochSecond();
        List<Long> seconds = new ArrayList<>(List.of(0L, -1L, 1L, 86_399L, 86_400L, -86_400L, 951_782_400L,
                951_868_799L, 4_107_542_400L, -62_135_596_800L, -62_135_596_801L, 253_402_300_799L, min, max,
                Instant.parse("1900-03-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-02-28T23:59:59Z").getEpochSecond()));
        for (int i = 0; i < 200_000; i++) {
            seconds.add(min + (long) (r.nextDouble() * (max - min)));
        }
        byte[] got = new byte[14];
        for (long s : seconds) {
            ByteBuffer expected = ByteBuffer.allocate(12);
            Timestamp.of(Instant.ofEpochSecond(s)).encode(expected);
            Timestamp.put(got, 1, s);
            assertArrayEquals(expected.array(), java.util.Arrays.copyOfRange(got, 1, 13), "epoch second " + s);
        }
        assertThrows(IllegalArgumentException.class, () -> Timestamp.put(got, 0, max + 1));
        assertThrows(IllegalArgumentException.class, () -> Timestamp.put(got, 0, min - 1));
    }

    @Test
    void compressedUnicodeInPlaceIsTheArraysEncoding() {
        for (String s : List.of("", "a", "Grüße", "日本語", "ÿ", "Ā", "x".repeat(254))) {
            byte[] a = new byte[600];
            int n = Cs0.put(s, a, 7);
            assertEquals(Cs0.length(s), n);
            assertArrayEquals(Cs0.encode(s), java.util.Arrays.copyOfRange(a, 7, 7 + n), s);
            byte[] b = new byte[600];
            assertEquals(n, Cs0.put(s, n != 1 + s.length(), b, 3));
            assertArrayEquals(Cs0.encode(s), java.util.Arrays.copyOfRange(b, 3, 3 + n), "form known: " + s);
        }
        assertArrayEquals(new byte[] {8, 'a', (byte) 0xFF}, Cs0.encode("a\u00FF"));
        assertArrayEquals(new byte[] {16, 0, 'a', 1, 0}, Cs0.encode("a\u0100"));
    }
}
