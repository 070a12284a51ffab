package org.discimage.pipeline;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** A cancellation flag shared between a writer and whoever may cancel it. */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Requests cancellation; the writer stops at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether cancellation was requested. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws if cancellation was requested or the thread was interrupted. */
    public void check(long lba) throws DiscImageException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new DiscImageException(ErrorCode.REQUEST_CANCELLED, "writing was cancelled at LBA " + lba);
        }
    }
}
