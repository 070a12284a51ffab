package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.discimage.error.DiscImageException;

/**
 * GET CONFIGURATION reply (formats.md §6.3): header [0..3] data length (bytes after these 4), [6..7]
 * current profile; feature descriptors from byte 8, each 4 + additional length bytes. Feature 0000h lists
 * the profiles in 4-byte entries: [0..1] profile, [2] bit0 CurrentP.
 *
 * @param currentProfile the current profile number (0000h: no medium)
 * @param features       the descriptors in reply order
 */
public record Configuration(int currentProfile, List<FeatureDescriptor> features) {
    /** Header length. */
    public static final int HEADER_LENGTH = 8;
    private static final String COMMAND = "GET CONFIGURATION";

    /** Copies the list. */
    public Configuration {
        features = List.copyOf(features);
    }

    /** One entry of the profile list feature. */
    public record ProfileEntry(int number, boolean current) {
        /** The known profile of this number, if any. */
        public Optional<Profile> profile() {
            return Profile.of(number);
        }
    }

    /**
     * Decodes a reply at the buffer's position. The declared data length must lie within what was received
     * (re-issue with a larger allocation length otherwise), and every descriptor must end within it.
     */
    public static Configuration decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, HEADER_LENGTH);
        long declared = Bytes.u32(reply, 0);
        if (declared < HEADER_LENGTH - 4) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " shorter than the header");
        }
        if (declared + 4 > reply.remaining()) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " but only " + (reply.remaining() - 4)
                    + " bytes received (allocation length too small)");
        }
        int end = (int) declared + 4;
        List<FeatureDescriptor> features = new ArrayList<>();
        int off = HEADER_LENGTH;
        while (off < end) {
            if (off + 4 > end) {
                throw Bytes.malformed(COMMAND, off, "feature descriptor header cut off by the data length");
            }
            int additional = Bytes.u8(reply, off + 3);
            if (off + 4 + additional > end) {
                throw Bytes.malformed(COMMAND, off + 3, String.format(
                        "feature %04Xh additional length %d runs past the data length", Bytes.u16(reply, off),
                        additional));
            }
            int flags = Bytes.u8(reply, off + 2);
            features.add(new FeatureDescriptor(Bytes.u16(reply, off), (flags >>> 2) & 0x0F, (flags & 2) != 0,
                    (flags & 1) != 0, Bytes.copy(reply, off + 4, additional)));
            off += 4 + additional;
        }
        Configuration c = new Configuration(Bytes.u16(reply, 6), features);
        Optional<FeatureDescriptor> list = c.feature(FeatureDescriptor.PROFILE_LIST);
        if (list.isPresent() && list.get().data().length % 4 != 0) {
            throw Bytes.malformed(COMMAND, HEADER_LENGTH + 3, "profile list length " + list.get().data().length
                    + " is not a multiple of 4");
        }
        return c;
    }

    /** The current profile from just the 8-byte header (GET CONFIGURATION with allocation length 8). */
    public static int currentProfile(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, HEADER_LENGTH);
        return Bytes.u16(reply, 6);
    }

    /** The current profile as a known {@link Profile}; empty without medium or for an unknown number. */
    public Optional<Profile> profile() {
        return Profile.of(currentProfile);
    }

    /** The descriptor of a feature, if the drive reported it. */
    public Optional<FeatureDescriptor> feature(int code) {
        return features.stream().filter(f -> f.code() == code).findFirst();
    }

    /** Whether a feature was reported and is current. */
    public boolean isCurrent(int code) {
        return feature(code).map(FeatureDescriptor::current).orElse(false);
    }

    /** The profile list of feature 0000h (empty when the reply did not include it). */
    public List<ProfileEntry> profiles() {
        Optional<FeatureDescriptor> list = feature(FeatureDescriptor.PROFILE_LIST);
        if (list.isEmpty()) {
            return List.of();
        }
        byte[] d = list.get().data();
        List<ProfileEntry> entries = new ArrayList<>(d.length / 4);
        for (int i = 0; i + 3 < d.length; i += 4) {
            entries.add(new ProfileEntry(((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF), (d[i + 2] & 1) != 0));
        }
        return List.copyOf(entries);
    }
}
