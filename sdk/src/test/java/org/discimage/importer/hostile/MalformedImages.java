package org.discimage.importer.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.error.ErrorCode;

/**
 * The corpus of malformed images: each a named mutation of {@link SeedImage}, with the answer a
 * strict import must give (error code, the structure the message names and the LBA it names).
 * Generated at test time only: each image is a copy of the 112 KiB seed, some 7 MiB for the
 * corpus, too big for {@code testdata/}. The fuzz tests' seed inputs are these images as patch
 * lists ({@code FuzzPatchesTest}).
 *
 * <p>Offsets are found by reading the seed (see {@link Seed}), never hard-coded, so a change of
 * discimage's layout moves the mutations with it.
 */
public final class MalformedImages {
    private MalformedImages() {
    }

    /** How an image is broken. */
    interface Mutation {
        void apply(ImageBytes image, Seed at);
    }

    /**
     * One malformed image and the strict answer to it.
     *
     * @param name      file-name-like label
     * @param tree      the tree read after {@code open} (the failure may come from {@code open} itself)
     * @param code      the expected error code
     * @param structure what the message must name
     * @param lba       the LBA the message must name
     * @param image     the bytes
     */
    public record Case(String name, FileSystem tree, ErrorCode code, String structure, long lba, byte[] image) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Where the seed's structures are (absolute LBAs and byte offsets in the image). */
    static final class Seed {
        final long root = 23;
        final long isoRoot;
        final long jolietRoot;
        final long jolietDir;
        final long erArea;
        final long dir;
        final long sub;
        final long d7;
        final long d8;
        final long rrMoved;
        final long aData;
        final int sectors;
        final int terminator;

        Seed(ImageBytes s) {
            isoRoot = s.extent(FileSystem.ISO9660, "/");
            jolietRoot = s.extent(FileSystem.JOLIET, "/");
            jolietDir = s.extent(FileSystem.JOLIET, "/dir");
            erArea = s.u32(s.suspEntry(s.record(root, new byte[] {0}), "CE") + 4);
            dir = s.extent(FileSystem.ISO9660, "/DIR");
            sub = s.extent(FileSystem.ISO9660, "/DIR/SUB");
            d7 = s.extent(FileSystem.ISO9660, "/D1/D2/D3/D4/D5/D6/D7");
            d8 = s.extent(FileSystem.ROCK_RIDGE, SeedImage.DEEP.substring(0, SeedImage.DEEP.lastIndexOf('/')));
            rrMoved = s.extent(FileSystem.ISO9660, "/RR_MOVED");
            aData = s.extent(FileSystem.ISO9660, "/A.TXT");
            sectors = s.sectors();
            int t = 17;
            while ((s.image[t * ImageBytes.SECTOR] & 0xFF) != 255) {
                t++;
            }
            terminator = t;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static Seed seed;
    private static byte[] seedBytes;

    /** Every case, built once. */
    public static synchronized List<Case> all() {
        if (CASES.isEmpty()) {
            seedBytes = SeedImage.bytes();
            seed = new Seed(new ImageBytes(seedBytes.clone()));
            volumeDescriptors();
            directoryRecords();
            names();
            systemUse();
            relocation();
        }
        return List.copyOf(CASES);
    }

    private static void add(String name, FileSystem tree, ErrorCode code, String structure, long lba, Mutation m) {
        ImageBytes image = new ImageBytes(seedBytes.clone());
        m.apply(image, seed);
        CASES.add(new Case(name, tree, code, structure, lba, image.image));
    }

    private static void add(String name, FileSystem tree, String structure, long lba, Mutation m) {
        add(name, tree, ErrorCode.MALFORMED_STRUCTURE, structure, lba, m);
    }

    private static final int PVD = 16 * ImageBytes.SECTOR;
    private static final int PVD_ROOT = PVD + 156;

    private static void volumeDescriptors() {
        add("no-iso9660", FileSystem.ISO9660, ErrorCode.NO_SUPPORTED_FILE_SYSTEM, "volume descriptor", 16,
                (s, at) -> Arrays.fill(s.image, PVD, PVD + ImageBytes.SECTOR, (byte) 0));
        CASES.add(new Case("medium-ends-before-descriptors", FileSystem.ISO9660, ErrorCode.EMPTY_DISC,
                "volume descriptor set", 16, Arrays.copyOf(seedBytes, 16 * ImageBytes.SECTOR)));
        add("no-terminator", FileSystem.ISO9660, "volume descriptor", seed.terminator,
                (s, at) -> s.put(at.terminator * ImageBytes.SECTOR, new byte[7]));
        add("no-primary", FileSystem.ISO9660, "no primary volume descriptor", 16, (s, at) -> s.image[PVD] = 3);
        add("block-size-512", FileSystem.ISO9660, "logical block size", 16,
                (s, at) -> s.put(PVD + 128, (byte) 0, (byte) 2, (byte) 2, (byte) 0));
        add("pvd-both-endian-halves-disagree", FileSystem.ISO9660, "primary volume descriptor", 16,
                (s, at) -> s.put733BigEndianHalf(PVD + 80, 999));
        add("pvd-date-nul", FileSystem.ISO9660, "primary volume descriptor", 16,
                (s, at) -> Arrays.fill(s.image, PVD + 813, PVD + 813 + 16, (byte) 0));
        add("pvd-date-month-13", FileSystem.ISO9660, "primary volume descriptor", 16,
                (s, at) -> s.put(PVD + 813 + 4, "13"));
        add("root-extent-past-end", FileSystem.ISO9660, "root directory", 1_000_000,
                (s, at) -> s.put733(PVD_ROOT + 2, 1_000_000));
        add("root-length-zero", FileSystem.ISO9660, "root directory", seed.root, (s, at) -> s.put733(PVD_ROOT + 10, 0));
        add("root-length-4gib", FileSystem.ISO9660, "directory /", seed.root,
                (s, at) -> s.put733(PVD_ROOT + 10, 0xFFFF_FFFFL));
    }

    private static void directoryRecords() {
        long root = seed.root;
        add("len-dr-33", FileSystem.ISO9660, "directory record", root, (s, at) -> s.image[s.record(root, "A.TXT;1")] = 33);
        add("len-dr-0-first", FileSystem.ISO9660, "directory /DIR", seed.dir,
                (s, at) -> s.image[(int) at.dir * ImageBytes.SECTOR] = 0);
        add("len-dr-beyond-directory-end", FileSystem.ISO9660, "directory record of /", root,
                (s, at) -> s.put733(PVD_ROOT + 10, s.record(root, "RR_MOVED") - root * ImageBytes.SECTOR + 40));
        add("len-dr-crosses-sector", FileSystem.ISO9660, "directory record of /", root, MalformedImages::crossSector);
        add("len-fi-beyond-record", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.image[s.record(root, "A.TXT;1") + 32] = (byte) 200);
        add("len-fi-zero", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.image[s.record(root, "A.TXT;1") + 32] = 0);
        add("both-endian-halves-disagree", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.put733BigEndianHalf(s.record(root, "A.TXT;1") + 2, 7));
        add("record-date-month-13", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.image[s.record(root, "A.TXT;1") + 19] = 13);
        add("dir-cycle-self", FileSystem.ISO9660, "directory /DIR", root,
                (s, at) -> s.put733(s.record(root, "DIR") + 2, root));
        add("dir-cycle-ancestor", FileSystem.ISO9660, "directory /DIR/SUB", root,
                (s, at) -> s.put733(s.record(at.dir, "SUB") + 2, root));
        add("dir-cycle-parent", FileSystem.JOLIET, "directory /dir/sub", seed.jolietDir,
                (s, at) -> s.put733(s.jolietRecord(at.jolietDir, "sub") + 2, at.jolietDir));
        add("dir-extent-past-end", FileSystem.ISO9660, "directory /DIR", seed.sectors + 5,
                (s, at) -> s.put733(s.record(root, "DIR") + 2, at.sectors + 5));
        add("dir-length-4gib", FileSystem.ISO9660, "directory /DIR", seed.dir,
                (s, at) -> s.put733(s.record(root, "DIR") + 10, 0xFFFF_FFFFL));
        add("dir-without-dot", FileSystem.ISO9660, "directory /DIR", seed.dir,
                (s, at) -> s.image[(int) at.dir * ImageBytes.SECTOR + 33] = 'X');
        add("file-extent-past-end", FileSystem.ISO9660, "directory record of /A.TXT", root,
                (s, at) -> s.put733(s.record(root, "A.TXT;1") + 2, 1_000_000));
        add("file-length-4gib", FileSystem.ROCK_RIDGE, "directory record of /b.bin", root,
                (s, at) -> s.put733(s.record(root, "B.BIN;1") + 10, 0xFFFF_FFFFL));
        add("multi-extent-unterminated", FileSystem.ISO9660, "multi-extent", root,
                (s, at) -> s.image[s.record(root, "B.BIN;1") + 25] |= (byte) 0x80);
        add("multi-extent-directory", FileSystem.ISO9660, "multi-extent", root,
                (s, at) -> s.image[s.record(root, "DIR") + 25] |= (byte) 0x80);
    }

    /** Records of 254 bytes up to the end of the root's sector, then one crossing it (ECMA-119 6.8.1.1). */
    private static void crossSector(ImageBytes s, Seed at) {
        int a = s.record(at.root, "A.TXT;1");
        int rrMoved = s.record(at.root, "RR_MOVED");
        int off = rrMoved + (s.image[rrMoved] & 0xFF);
        int end = (int) at.root * ImageBytes.SECTOR + ImageBytes.SECTOR;
        byte[] copy = Arrays.copyOfRange(s.image, a, a + 254);
        Arrays.fill(copy, 40, 254, (byte) 0);
        copy[0] = (byte) 254;
        for (char c = 'C'; off < end; c++) {
            copy[33] = (byte) c; // a distinct name for every record
            System.arraycopy(copy, 0, s.image, off, Math.min(254, end - off));
            off += 254;
        }
    }

    private static void names() {
        long root = seed.root;
        add("iso-name-nul", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.image[s.record(root, "A.TXT;1") + 33] = 0);
        add("iso-name-slash", FileSystem.ISO9660, "directory record", root,
                (s, at) -> s.image[s.record(root, "A.TXT;1") + 33] = '/');
        add("iso-name-dotdot", FileSystem.ISO9660, "directory record", root, (s, at) -> {
            int r = s.record(root, "A.TXT;1");
            s.image[r + 32] = 4;
            s.put(r + 33, "..;1");
        });
        add("iso-name-dot-version", FileSystem.ISO9660, "directory record", root, (s, at) -> {
            int r = s.record(root, "A.TXT;1");
            s.image[r + 32] = 3;
            s.put(r + 33, ".;1");
        });
        add("iso-lowercase-name", FileSystem.ISO9660, "ISO 9660 directory record", root,
                (s, at) -> s.put(s.record(root, "A.TXT;1") + 33, "a"));
        add("iso-illegal-character", FileSystem.ISO9660, "ISO 9660 directory record", root,
                (s, at) -> s.put(s.record(root, "A.TXT;1") + 33, "~"));
        add("iso-version-not-a-number", FileSystem.ISO9660, "ISO 9660 directory record", root,
                (s, at) -> s.put(s.record(root, "A.TXT;1") + 39, "X"));
        add("iso-version-zero", FileSystem.ISO9660, "ISO 9660 directory record", root,
                (s, at) -> s.put(s.record(root, "A.TXT;1") + 39, "0"));
        add("iso-duplicate-name", FileSystem.ISO9660, "directory record of /", root,
                (s, at) -> s.put(s.record(root, "B.BIN;1") + 33, "A.TXT;1"));
        add("joliet-name-slash", FileSystem.JOLIET, "directory record", seed.jolietRoot,
                (s, at) -> s.put(s.jolietRecord(at.jolietRoot, "a.txt") + 33, (byte) 0, (byte) '/'));
        add("joliet-name-dotdot", FileSystem.JOLIET, "directory record", seed.jolietRoot,
                (s, at) -> s.put(s.jolietRecord(at.jolietRoot, "a.txt") + 33, "..;12".getBytes(StandardCharsets.UTF_16BE)));
        add("joliet-name-backslash-dotdot", FileSystem.JOLIET, "directory record", seed.jolietRoot,
                (s, at) -> s.put(s.jolietRecord(at.jolietRoot, "a.txt") + 33, "..\\ab".getBytes(StandardCharsets.UTF_16BE)));
        add("joliet-odd-length", FileSystem.JOLIET, "Joliet directory record", seed.jolietRoot,
                (s, at) -> s.image[s.jolietRecord(at.jolietRoot, "a.txt") + 32] = 9);
        add("rr-name-dotdot", FileSystem.ROCK_RIDGE, "directory record", root, (s, at) -> {
            int nm = s.suspEntry(s.record(root, "A.TXT;1"), "NM");
            s.put(nm + 5, "..\0\0\0");
            s.image[nm + 2] = 7;
        });
        add("rr-name-parent-flag", FileSystem.ROCK_RIDGE, "directory record", root, (s, at) -> {
            int nm = s.suspEntry(s.record(root, "A.TXT;1"), "NM");
            s.image[nm + 2] = 5;
            s.image[nm + 4] = 4; // PARENT, RRIP 1.12 4.1.4
            s.put(nm + 5, (byte) 'P', (byte) 'D', (byte) 5, (byte) 1, (byte) 0); // the rest of the old entry as padding (SUSP 1.12 5.2)
        });
        add("rr-name-backslash-dotdot", FileSystem.ROCK_RIDGE, "directory record", root,
                (s, at) -> s.put(s.suspEntry(s.record(root, "A.TXT;1"), "NM") + 5, "..\\ab"));
        add("rr-name-slash", FileSystem.ROCK_RIDGE, "directory record", root,
                (s, at) -> s.put(s.suspEntry(s.record(root, "A.TXT;1"), "NM") + 5, "../ab"));
        add("rr-name-nul", FileSystem.ROCK_RIDGE, "directory record", root,
                (s, at) -> s.put(s.suspEntry(s.record(root, "A.TXT;1"), "NM") + 6, (byte) 0));
    }

    private static void systemUse() {
        long root = seed.root;
        add("susp-length-0", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "A.TXT;1"), "PX") + 2] = 0);
        add("susp-length-3", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "A.TXT;1"), "PX") + 2] = 3);
        add("susp-length-beyond-area", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "A.TXT;1"), "NM") + 2] = (byte) 250);
        add("susp-skip-beyond-area", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, new byte[] {0}), "SP") + 6] = (byte) 250);
        add("px-length-20", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "A.TXT;1"), "PX") + 2] = 20);
        add("tf-month-13", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "A.TXT;1"), "TF") + 5 + 1] = 13);
        add("sl-component-past-entry", FileSystem.ROCK_RIDGE, "System Use area", root,
                (s, at) -> s.image[s.suspEntry(s.record(root, "LINK.;1"), "SL") + 6] = 100);
        add("ce-self", FileSystem.ROCK_RIDGE, "SUSP CE chain", root, (s, at) -> {
            int ce = s.suspEntry(s.record(root, new byte[] {0}), "CE");
            s.putContinuation(ce, root, ce - root * ImageBytes.SECTOR, 28);
        });
        add("ce-previous", FileSystem.ROCK_RIDGE, "SUSP CE chain", seed.erArea, (s, at) -> {
            int ce = s.suspEntry(s.record(root, new byte[] {0}), "CE");
            long area = s.u32(ce + 4);
            s.putContinuation(ce, area, 0, 28);
            s.putContinuation((int) area * ImageBytes.SECTOR, 5, 0, 28);
            s.putContinuation(5 * ImageBytes.SECTOR, area, 0, 28);
        });
        add("ce-runaway-chain", FileSystem.ROCK_RIDGE, "SUSP CE chain", 1, (s, at) -> {
            int ce = s.suspEntry(s.record(root, new byte[] {0}), "CE");
            s.putContinuation(ce, 1, 0, 28);
            // a chain of 15 * 73 = 1095 areas through the system area, LBA 1 to 15
            for (int i = 0; i < 15 * 73; i++) {
                int lba = 1 + i / 73;
                int next = i + 1;
                s.putContinuation(lba * ImageBytes.SECTOR + i % 73 * 28, 1 + next / 73, next % 73 * 28, 28);
            }
        });
        add("ce-beyond-medium", FileSystem.ROCK_RIDGE, "SUSP continuation area", 1_000_000,
                (s, at) -> s.put733(s.suspEntry(s.record(root, new byte[] {0}), "CE") + 4, 1_000_000));
        add("ce-area-past-sector", FileSystem.ROCK_RIDGE, "SUSP CE entry", root,
                (s, at) -> s.put733(s.suspEntry(s.record(root, new byte[] {0}), "CE") + 12, 2000));
    }

    private static void relocation() {
        add("cl-to-file", FileSystem.ROCK_RIDGE, "relocated directory", seed.aData,
                (s, at) -> s.put733(s.suspEntry(s.record(at.d7, "D8"), "CL") + 4, at.aData));
        add("cl-beyond-medium", FileSystem.ROCK_RIDGE, "Rock Ridge CL entry", seed.d7,
                (s, at) -> s.put733(s.suspEntry(s.record(at.d7, "D8"), "CL") + 4, 1_000_000));
        add("cl-loop-to-ancestor", FileSystem.ROCK_RIDGE, "directory /d1/d2/d3/d4/d5/d6/d7/d8", seed.root,
                (s, at) -> s.put733(s.suspEntry(s.record(at.d7, "D8"), "CL") + 4, at.root));
        add("pl-mismatch", FileSystem.ROCK_RIDGE, "Rock Ridge PL entry", seed.d8,
                (s, at) -> s.put733(s.suspEntry(s.record(at.d8, new byte[] {1}), "PL") + 4, at.root));
        add("pl-missing", FileSystem.ROCK_RIDGE, "Rock Ridge PL entry", seed.d8,
                (s, at) -> s.put(s.suspEntry(s.record(at.d8, new byte[] {1}), "PL"), "XL"));
        add("re-unreached", FileSystem.ROCK_RIDGE, "Rock Ridge RE entry", seed.rrMoved,
                (s, at) -> s.put(s.suspEntry(s.record(at.d7, "D8"), "CL"), "XL"));
    }
}
