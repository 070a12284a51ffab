package org.discimage.tree;

import java.util.Objects;

import org.discimage.source.ContentSource;

/**
 * A regular file; its content comes from a {@link ContentSource} read when the image is written.
 *
 * <p><b>Hard links.</b> FileItems that share one {@code ContentSource} <em>instance</em> (the same
 * object, not equal ones) are names of one file: the image records its data once, every name points
 * at it, and the link count is the number of such names in the tree (Rock Ridge PX st_nlink with one
 * serial number, RRIP 1.12 4.1.1; in UDF one File Entry whose File Link Count counts the FIDs naming
 * it, ECMA-167 4/14.9.6). {@link Directory#addHardLink} makes such a name; {@link Directory#addTree}
 * gives host names of one inode one source; {@link #setSource} with a fresh source unlinks a name.
 * UDF records mode, owner and times once per file, so there the first name (in tree order) decides
 * them; {@link Directory#addHardLink} copies the target's.
 */
public final class FileItem extends Item {
    private ContentSource source;

    FileItem(String name, ContentSource source, long time) {
        super(name, DEFAULT_FILE_MODE, time);
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public ItemType type() {
        return ItemType.FILE;
    }

    /** Where the content comes from. */
    public ContentSource source() {
        return source;
    }

    /** Replaces the content (IMAPI2 put_Data). */
    public void setSource(ContentSource source) {
        Objects.requireNonNull(source, "source");
        TreeJournal j = journal();
        if (j != null) {
            j.sourceChanging(this, this.source);
        }
        this.source = source;
    }

    /** Puts the content source back (a rollback; not itself an edit). */
    void restoreSource(ContentSource old) {
        this.source = old;
    }

    /** The content length in bytes (IMAPI2 DataSize). */
    public long size() {
        return source.size();
    }
}
