package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * An extent descriptor (extent_ad), ECMA-167 3/7.1: length in bytes (4), location, an absolute
 * sector (4). Used for volume structures (VDS extents, the integrity sequence).
 *
 * @param extentLength   extent length in bytes
 * @param extentLocation first sector
 */
public record ExtentAd(long extentLength, long extentLocation) {
    /** Bytes in an extent_ad. */
    public static final int LENGTH = 8;

    /** Checks the ranges. */
    public ExtentAd {
        Le.u32Arg(extentLength, "extentLength");
        Le.u32Arg(extentLocation, "extentLocation");
    }

    /** Always 8. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 8 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 0, extentLength);
        Le.put32(d, 4, extentLocation);
        b.position(b.position() + LENGTH);
    }

    /** Reads 8 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static ExtentAd decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "ExtentAd");
        b.position(b.position() + LENGTH);
        return new ExtentAd(Le.u32(d, 0), Le.u32(d, 4));
    }
}
