package org.discimage.media.grow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The few fields of an ISO 9660 volume descriptor the media read and patch: enough to find a
 * session (its primary volume descriptor at start + 16), its size and its name.
 */
public final class VolumeDescriptors {
    private VolumeDescriptors() {
    }

    /** ECMA-119 8.4.1-8.4.3: type 1, "CD001", version 1. */
    public static boolean isPrimary(ByteBuffer d) {
        return d.get(0) == 1 && d.get(6) == 1 && isDescriptor(d);
    }

    /** ECMA-119 8.1.2: the standard identifier "CD001" at bytes 1..5, whatever the type. */
    public static boolean isDescriptor(ByteBuffer d) {
        return "CD001".equals(new String(d.array(), d.arrayOffset() + 1, 5, StandardCharsets.US_ASCII));
    }

    /** ECMA-119 8.4.8 / 8.5.7: the volume space size, little-endian half of the both-endian field at 80. */
    public static long volumeSpace(ByteBuffer d) {
        return Integer.toUnsignedLong(d.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(80));
    }

    /** ECMA-119 8.4.6: the volume identifier at 40, trailing spaces removed. */
    public static String volumeId(ByteBuffer d) {
        return new String(d.array(), d.arrayOffset() + 40, 32, StandardCharsets.US_ASCII).stripTrailing();
    }

    /** ECMA-119 7.3.3: a 32-bit number both little- and big-endian at {@code offset}. */
    public static void putBothEndian(ByteBuffer d, int offset, long value) {
        d.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
        d.duplicate().order(ByteOrder.BIG_ENDIAN).putInt(offset + 4, (int) value);
    }
}
