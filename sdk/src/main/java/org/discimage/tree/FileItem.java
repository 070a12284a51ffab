package org.discimage.tree;

import java.util.Objects;

import org.discimage.source.ContentSource;

/** A regular file; its content comes from a {@link ContentSource} read when the image is written. */
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
