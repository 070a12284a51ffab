package org.discimage.error;

import java.io.IOException;
import java.util.Objects;

/**
 * The one checked exception of discimage: an {@link IOException} carrying an {@link ErrorCode}.
 * Messages name what failed and where (the path in the tree or on the host, the LBA, the structure).
 */
public class DiscImageException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** An exception with a code and a message naming the path, LBA or structure involved. */
    public DiscImageException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** As {@link #DiscImageException(ErrorCode, String)}, with the underlying cause. */
    public DiscImageException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The error code (IMAPI2-compatible where IMAPI2 has one). */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " [" + code + "]";
    }
}
