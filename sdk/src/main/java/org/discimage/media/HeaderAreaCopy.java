package org.discimage.media;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

import org.discimage.importer.ImportedSource;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;

/**
 * Growing an image whose first session sits at LBA 0 (genisoimage, {@code xorriso -as mkisofs},
 * any foreign image): the header rewrite overwrites blocks 0..31, and such a session may keep
 * file data there. Found with genisoimage: a one-file image puts the file's data at LBA 31 (the
 * descriptors at 16..18, path tables and root directory next, data right after), so after the
 * rewrite its old extent would hold the new header's zeros. Those files therefore do not keep
 * their extents: they are copied into the new session.
 */
final class HeaderAreaCopy {
    private HeaderAreaCopy() {
    }

    /**
     * Makes every imported file under {@code dir} with an extent below {@code headerSectors} a
     * copy: its source is hidden from the planner behind a plain delegate, so its bytes are read
     * (from the old blocks, still intact while the session is written, since the header is written
     * last) and written into the new session.
     */
    static void copyFilesIn(Directory dir, long headerSectors) {
        for (Item item : dir.children()) {
            if (item instanceof Directory sub) {
                copyFilesIn(sub, headerSectors);
            } else if (item instanceof FileItem f && f.source() instanceof ImportedSource src
                    && startsBelow(src, headerSectors)) {
                f.setSource(new CopiedSource(src));
            }
        }
    }

    /** Whether an extent of {@code src} starts below {@code headerSectors} (read without making the list). */
    private static boolean startsBelow(ImportedSource src, long headerSectors) {
        for (int i = 0, n = src.extentCount(); i < n; i++) {
            if (src.extentLba(i) < headerSectors) {
                return true;
            }
        }
        return false;
    }

    /** Delegates to an imported source without being one, so the planner copies its data. */
    private record CopiedSource(ContentSource source) implements ContentSource {
        @Override
        public long size() {
            return source.size();
        }

        @Override
        public String description() {
            return source.description();
        }

        @Override
        public ReadableByteChannel openChannel() throws IOException {
            return source.openChannel();
        }
    }
}
