package org.discimage.tree;

import java.util.Objects;

/**
 * How {@link Directory#updateTree} decides that a file changed.
 *
 * @param compareContent {@code false} (the default): a file is replaced when its size or its
 *                       modification time (whole seconds, as Rock Ridge TF records it) differs —
 *                       the quick check, which reads no content. {@code true}: a file is replaced
 *                       when its size or the SHA-256 of its content differs, whatever the times
 *                       say (like xorriso's default {@code -update_r}, which reads the content of
 *                       files of equal size); a file whose times differ but whose content is the
 *                       same only gets the new attributes. Both contents are streamed; imported
 *                       files are read from the medium through their extents.
 * @param listener       receives each decision; {@link UpdateListener#NONE} for none
 */
public record UpdateOptions(boolean compareContent, UpdateListener listener) {
    /** Checks the listener. */
    public UpdateOptions {
        Objects.requireNonNull(listener, "listener");
    }

    /** The quick check (size and modification time), no listener. */
    public static UpdateOptions defaults() {
        return new UpdateOptions(false, UpdateListener.NONE);
    }

    /** These options, comparing the SHA-256 of the content of files of equal size. */
    public UpdateOptions withContentComparison() {
        return new UpdateOptions(true, listener);
    }

    /** These options, reporting each decision to {@code listener}. */
    public UpdateOptions withListener(UpdateListener listener) {
        return new UpdateOptions(compareContent, listener);
    }
}
