package org.discimage.media;

import java.nio.ByteBuffer;

/**
 * The few fields of an ISO 9660 volume descriptor the media read and patch: enough to find a
 * session (its primary volume descriptor at start + 16), its size and its name. Kept for the
 * classes of this package; the fields are read by {@link org.discimage.media.grow.VolumeDescriptors},
 * which the session growing shared with the recorder uses.
 */
final class VolumeDescriptors {
    private VolumeDescriptors() {
    }

    /** ECMA-119 8.4.1-8.4.3: type 1, "CD001", version 1. */
    static boolean isPrimary(ByteBuffer d) {
        return org.discimage.media.grow.VolumeDescriptors.isPrimary(d);
    }

    /** ECMA-119 8.1.2: the standard identifier "CD001" at bytes 1..5, whatever the type. */
    static boolean isDescriptor(ByteBuffer d) {
        return org.discimage.media.grow.VolumeDescriptors.isDescriptor(d);
    }

    /** ECMA-119 8.4.8 / 8.5.7: the volume space size, little-endian half of the both-endian field at 80. */
    static long volumeSpace(ByteBuffer d) {
        return org.discimage.media.grow.VolumeDescriptors.volumeSpace(d);
    }

    /** ECMA-119 8.4.6: the volume identifier at 40, trailing spaces removed. */
    static String volumeId(ByteBuffer d) {
        return org.discimage.media.grow.VolumeDescriptors.volumeId(d);
    }

    /** ECMA-119 7.3.3: a 32-bit number both little- and big-endian at {@code offset}. */
    static void putBothEndian(ByteBuffer d, int offset, long value) {
        org.discimage.media.grow.VolumeDescriptors.putBothEndian(d, offset, value);
    }
}
