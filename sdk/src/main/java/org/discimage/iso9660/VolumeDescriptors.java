package org.discimage.iso9660;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.codec.IsoStrings;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;

/**
 * Field helpers shared by {@link PrimaryVolumeDescriptor} and {@link SupplementaryVolumeDescriptor}
 * (ECMA-119 8.4 and 8.5 share one 2048-byte layout).
 */
final class VolumeDescriptors {
    /** Size of every volume descriptor. */
    static final int LENGTH = 2048;
    /** Offset of the root directory record. */
    static final int ROOT_OFFSET = 156;

    private VolumeDescriptors() {
    }

    static void putString(ByteBuffer b, String s, int len, boolean ucs2) {
        if (ucs2) {
            IsoStrings.putUcs2Padded(b, s, len);
        } else {
            IsoStrings.putPadded(b, s, len);
        }
    }

    static String getString(ByteBuffer b, int len, boolean ucs2) throws DiscImageException {
        return ucs2 ? IsoStrings.getUcs2Trimmed(b, len) : IsoStrings.getTrimmed(b, len);
    }

    /** Checks the root record given to a constructor: 34 bytes, identifier 0x00. */
    static DirectoryRecord checkRoot(DirectoryRecord root) {
        if (root == null || root.length() != DirectoryRecord.MIN_LENGTH || !root.isDot()) {
            throw new IllegalArgumentException("root directory record must be 34 bytes with identifier 0x00: " + root);
        }
        return root;
    }

    /** Reads the 34-byte root directory record; MALFORMED_STRUCTURE unless LEN_DR is 34 and LEN_FI 1 / 0x00. */
    static DirectoryRecord getRoot(ByteBuffer b, String structure, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, DirectoryRecord.MIN_LENGTH, structure + ".rootDirectoryRecord");
        int lenDr = b.get(at) & 0xFF;
        if (lenDr != DirectoryRecord.MIN_LENGTH) {
            throw Decoding.malformed(structure + ".rootDirectoryRecord.LEN_DR", at, "expected 34, found " + lenDr);
        }
        DirectoryRecord root = DirectoryRecord.decode(b, ctx);
        if (!root.isDot()) {
            throw Decoding.malformed(structure + ".rootDirectoryRecord.fileIdentifier", at + 33,
                    "expected the single byte 0x00");
        }
        return root;
    }

    /** Writes the bytes from offset 881 (file structure version) to the end of the descriptor. */
    static void putTail(ByteBuffer b, int fileStructureVersion) {
        Decoding.putUInt8(b, fileStructureVersion, "fileStructureVersion");
        Decoding.putZeros(b, 1 + 512 + 653);
    }

    static VolumeDateTime[] getDates(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        return new VolumeDateTime[] {VolumeDateTime.decode(b, ctx), VolumeDateTime.decode(b, ctx),
            VolumeDateTime.decode(b, ctx), VolumeDateTime.decode(b, ctx)};
    }

    static VolumeDateTime orNotSpecified(VolumeDateTime d) {
        return d == null ? VolumeDateTime.NOT_SPECIFIED : d;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
