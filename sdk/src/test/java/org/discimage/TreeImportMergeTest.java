package org.discimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.discimage.error.DiscImageException;
import org.discimage.error.Diagnostic;
import org.discimage.error.ErrorCode;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.LinkedEntries;
import org.discimage.importer.SectorReader;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.ItemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TreeImport#merge} with entry lists as the readers make them (each linked to its
 * directory's entry) and as a caller makes them (whole paths): the merge finds the directories on
 * a pre-order stack, and keeps IMAPI2's rules: a second entry of one name is MALFORMED_STRUCTURE
 * naming its path (lenient: a diagnostic, the first kept), the tree wins, a type collision fails
 * before anything changes.
 */
class TreeImportMergeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final SectorReader NO_SECTORS = new SectorReader() {
        @Override
        public int read(long lba, ByteBuffer dst) {
            return 0;
        }

        @Override
        public long sectorCount() {
            return 1000;
        }
    };

    /** Builds entries from (parent, name) pairs, linked or by path. */
    private static final class Entries {
        final boolean linked;
        final List<ImportedEntry> list = new ArrayList<>();

        Entries(boolean linked) {
            this.linked = linked;
            list.add(linked ? LinkedEntries.root() : byPath("/", ItemType.DIRECTORY, 0));
        }

        ImportedEntry root() {
            return list.get(0);
        }

        ImportedEntry dir(ImportedEntry parent, String name) {
            return add(linked ? LinkedEntries.dir(parent, name) : byPath(child(parent, name), ItemType.DIRECTORY, 0));
        }

        ImportedEntry file(ImportedEntry parent, String name, long lba) {
            return add(linked ? LinkedEntries.file(parent, name, lba, 10) : byPath(child(parent, name), ItemType.FILE,
                    lba));
        }

        private ImportedEntry add(ImportedEntry e) {
            list.add(e);
            return e;
        }

        private static String child(ImportedEntry parent, String name) {
            return parent.path().equals("/") ? "/" + name : parent.path() + "/" + name;
        }

        private static ImportedEntry byPath(String path, ItemType type, long lba) {
            return new ImportedEntry(path, type, type == ItemType.FILE ? 10 : 2048, type == ItemType.FILE ? 0100640
                    : 040750, 7, 8, LinkedEntries.TIME, null, null, null, List.of(new FileExtent(lba,
                    type == ItemType.FILE ? 10 : 2048)), null, 1, -1, -1, Set.of());
        }
    }

    private static long lba(Item item) {
        return ((ImportedSource) ((FileItem) item).source()).extentLba(0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTreeIsBuiltWithAttributesAndSharedNames(boolean linked) throws IOException {
        Entries e = new Entries(linked);
        ImportedEntry a = e.dir(e.root(), "a");
        ImportedEntry b = e.dir(a, "b");
        e.file(b, "deep.txt", 100);
        e.file(a, "after-b.txt", 101);  // back up one level: the stack pops to a
        e.file(e.root(), "top.txt", 102);
        Directory root = Directory.newRoot(CLOCK);
        TreeImport.merge(root, NO_SECTORS, e.list, ImportOptions.strict());
        assertEquals(100, lba(root.item("a/b/deep.txt").orElseThrow()));
        assertEquals(101, lba(root.item("a/after-b.txt").orElseThrow()));
        assertEquals(102, lba(root.item("top.txt").orElseThrow()));
        Item deep = root.item("a/b/deep.txt").orElseThrow();
        assertEquals(0640, deep.mode());
        assertEquals(7, deep.uid());
        assertEquals(LinkedEntries.TIME, deep.lastModified());
        assertEquals(0750, root.item("a/b").orElseThrow().mode());
        assertEquals("imported /a/b/deep.txt", ((FileItem) deep).source().description());
        if (linked) {
            assertSame(e.list.get(3).name(), deep.name(), "the tree item keeps the reader's name string");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSecondEntryOfOneNameIsMalformedNamingItsPath(boolean linked) throws IOException {
        for (boolean preExisting : new boolean[] {false, true}) {
            Entries e = new Entries(linked);
            ImportedEntry d = e.dir(e.root(), "d");
            e.file(d, "x", 100);
            e.file(d, "x", 101);
            Directory root = Directory.newRoot(CLOCK);
            if (preExisting) {
                root.addDirectory("d");  // the duplicate is found by the set of added items there
            }
            DiscImageException ex = assertThrows(DiscImageException.class,
                    () -> TreeImport.merge(root, NO_SECTORS, e.list, ImportOptions.strict()));
            assertEquals(ErrorCode.MALFORMED_STRUCTURE, ex.code());
            assertTrue(ex.getMessage().contains("directory entry /d/x: a second entry of the same name"),
                    ex::getMessage);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void lenientKeepsTheFirstAndMergesASecondDirectoryIntoTheFirst(boolean linked) throws IOException {
        for (boolean preExisting : new boolean[] {false, true}) {
            Entries e = new Entries(linked);
            ImportedEntry d = e.dir(e.root(), "d");
            e.file(d, "x", 100);
            e.file(d, "x", 101);
            ImportedEntry d2 = e.dir(e.root(), "d");
            e.file(d2, "y", 102);
            e.file(d2, "x", 103);
            ImportedEntry f = e.file(e.root(), "f", 104);
            e.dir(e.root(), "f");  // a directory meeting the file of this import: its subtree is skipped
            e.file(e.list.get(e.list.size() - 1), "lost", 105);
            Directory root = Directory.newRoot(CLOCK);
            if (preExisting) {
                root.addDirectory("d");
            }
            List<Diagnostic> reports = new ArrayList<>();
            TreeImport.merge(root, NO_SECTORS, e.list, ImportOptions.lenient(reports::add));
            assertEquals(100, lba(root.item("d/x").orElseThrow()), "the first x is kept");
            assertEquals(102, lba(root.item("d/y").orElseThrow()), "the second d's items go to the first");
            assertEquals(104, lba(root.item("f").orElseThrow()));
            assertEquals(2, root.count(), "d, f");
            Function<Diagnostic, String> what = Diagnostic::structure;
            // a d the tree had is the tree's: both imported d merge into it, neither is a second entry
            List<String> expected = preExisting
                    ? List.of("directory entry /d/x", "directory entry /d/x", "directory entry /f")
                    : List.of("directory entry /d/x", "directory entry /d", "directory entry /d/x", "directory entry /f");
            assertEquals(expected, reports.stream().map(what).toList());
            assertEquals(101, reports.get(0).lba(), "the LBA of the second entry's data");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theTreeWinsAndACollisionChangesNothing(boolean linked) throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        FileItem mine = root.addFile("keep/same.txt", "mine".getBytes());
        root.addDirectory("keep/sub/inner");
        Entries e = new Entries(linked);
        ImportedEntry keep = e.dir(e.root(), "keep");
        e.file(keep, "same.txt", 100);
        e.file(keep, "new.txt", 101);
        ImportedEntry sub = e.dir(keep, "sub");
        e.file(sub, "inner", 102);  // a file meeting a directory of the tree
        DiscImageException ex = assertThrows(DiscImageException.class,
                () -> TreeImport.merge(root, NO_SECTORS, e.list, ImportOptions.strict()));
        assertEquals(ErrorCode.IMPORT_TYPE_COLLISION_FILE_EXISTS_AS_DIRECTORY, ex.code());
        assertTrue(ex.getMessage().contains("/keep/sub/inner"), ex::getMessage);
        assertEquals(ItemType.NOT_FOUND, root.exists("keep/new.txt"), "nothing was added");

        Entries ok = new Entries(linked);
        ImportedEntry keep2 = ok.dir(ok.root(), "keep");
        ok.file(keep2, "same.txt", 100);
        ok.file(keep2, "new.txt", 101);
        ImportedEntry sub2 = ok.dir(keep2, "sub");
        ok.file(ok.dir(sub2, "inner"), "in.txt", 103);
        TreeImport.merge(root, NO_SECTORS, ok.list, ImportOptions.strict());
        assertSame(mine, root.item("keep/same.txt").orElseThrow(), "the tree's item wins");
        assertEquals(101, lba(root.item("keep/new.txt").orElseThrow()));
        assertEquals(103, lba(root.item("keep/sub/inner/in.txt").orElseThrow()));

        Entries dirOnFile = new Entries(linked);
        dirOnFile.dir(dirOnFile.dir(dirOnFile.root(), "keep"), "same.txt");
        DiscImageException ex2 = assertThrows(DiscImageException.class,
                () -> TreeImport.merge(root, NO_SECTORS, dirOnFile.list, ImportOptions.strict()));
        assertEquals(ErrorCode.IMPORT_TYPE_COLLISION_DIRECTORY_EXISTS_AS_FILE, ex2.code());
        assertTrue(ex2.getMessage().contains("imported directory /keep/same.txt"), ex2::getMessage);
        assertInstanceOf(FileItem.class, root.item("keep/same.txt").orElseThrow());
    }
}
