package org.discimage.iso9660;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;

/**
 * The primary volume descriptor, ECMA-119 8.4 (2048 bytes; offsets in docs/formats.md 1.3). Text fields
 * are space-padded ASCII (ECMA-119 7.4); null strings mean empty and null dates "not specified". The
 * root directory record (8.4.18) is exactly 34 bytes with identifier 0x00. Unused and reserved fields and
 * the 512-byte application use field (8.4.32) are written as zeros and ignored when read.
 */
public record PrimaryVolumeDescriptor(String systemIdentifier, String volumeIdentifier, long volumeSpaceSize,
                                      int volumeSetSize, int volumeSequenceNumber, int logicalBlockSize,
                                      long pathTableSize, long typeLPathTableLocation,
                                      long optionalTypeLPathTableLocation, long typeMPathTableLocation,
                                      long optionalTypeMPathTableLocation, DirectoryRecord rootDirectoryRecord,
                                      String volumeSetIdentifier, String publisherIdentifier,
                                      String dataPreparerIdentifier, String applicationIdentifier,
                                      String copyrightFileIdentifier, String abstractFileIdentifier,
                                      String bibliographicFileIdentifier, VolumeDateTime creation,
                                      VolumeDateTime modification, VolumeDateTime expiration,
                                      VolumeDateTime effective, int fileStructureVersion) {
    private static final String S = "PrimaryVolumeDescriptor";

    /** Normalises nulls and checks the root record (IllegalArgumentException). */
    public PrimaryVolumeDescriptor {
        systemIdentifier = VolumeDescriptors.orEmpty(systemIdentifier);
        volumeIdentifier = VolumeDescriptors.orEmpty(volumeIdentifier);
        volumeSetIdentifier = VolumeDescriptors.orEmpty(volumeSetIdentifier);
        publisherIdentifier = VolumeDescriptors.orEmpty(publisherIdentifier);
        dataPreparerIdentifier = VolumeDescriptors.orEmpty(dataPreparerIdentifier);
        applicationIdentifier = VolumeDescriptors.orEmpty(applicationIdentifier);
        copyrightFileIdentifier = VolumeDescriptors.orEmpty(copyrightFileIdentifier);
        abstractFileIdentifier = VolumeDescriptors.orEmpty(abstractFileIdentifier);
        bibliographicFileIdentifier = VolumeDescriptors.orEmpty(bibliographicFileIdentifier);
        creation = VolumeDescriptors.orNotSpecified(creation);
        modification = VolumeDescriptors.orNotSpecified(modification);
        expiration = VolumeDescriptors.orNotSpecified(expiration);
        effective = VolumeDescriptors.orNotSpecified(effective);
        VolumeDescriptors.checkRoot(rootDirectoryRecord);
    }

    /** Always 2048. */
    public int length() {
        return VolumeDescriptors.LENGTH;
    }

    /**
     * Writes the 2048 bytes. IllegalArgumentException if a string is too long or not ASCII or a number is
     * out of range (nothing is guaranteed about the buffer's content then).
     */
    public void encode(ByteBuffer b) {
        new VolumeDescriptorHeader(VolumeDescriptorType.PRIMARY.code(), VolumeDescriptorHeader.CD001, 1).encode(b);
        b.put((byte) 0);
        VolumeDescriptors.putString(b, systemIdentifier, 32, false);
        VolumeDescriptors.putString(b, volumeIdentifier, 32, false);
        Decoding.putZeros(b, 8);
        BothEndian.putInt32(b, volumeSpaceSize);
        Decoding.putZeros(b, 32);
        BothEndian.putInt16(b, volumeSetSize);
        BothEndian.putInt16(b, volumeSequenceNumber);
        BothEndian.putInt16(b, logicalBlockSize);
        BothEndian.putInt32(b, pathTableSize);
        BothEndian.putInt32LE(b, typeLPathTableLocation);
        BothEndian.putInt32LE(b, optionalTypeLPathTableLocation);
        BothEndian.putInt32BE(b, typeMPathTableLocation);
        BothEndian.putInt32BE(b, optionalTypeMPathTableLocation);
        rootDirectoryRecord.encode(b);
        VolumeDescriptors.putString(b, volumeSetIdentifier, 128, false);
        VolumeDescriptors.putString(b, publisherIdentifier, 128, false);
        VolumeDescriptors.putString(b, dataPreparerIdentifier, 128, false);
        VolumeDescriptors.putString(b, applicationIdentifier, 128, false);
        VolumeDescriptors.putString(b, copyrightFileIdentifier, 37, false);
        VolumeDescriptors.putString(b, abstractFileIdentifier, 37, false);
        VolumeDescriptors.putString(b, bibliographicFileIdentifier, 37, false);
        creation.encode(b);
        modification.encode(b);
        expiration.encode(b);
        effective.encode(b);
        VolumeDescriptors.putTail(b, fileStructureVersion);
    }

    /**
     * Reads 2048 bytes. MALFORMED_STRUCTURE if fewer remain, the header is not type 1 / "CD001" /
     * version 1, a both-endian number's halves disagree, the root record is not a 34-byte "." record or a
     * date is malformed.
     */
    public static PrimaryVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static PrimaryVolumeDescriptor decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, VolumeDescriptors.LENGTH, S);
        VolumeDescriptorHeader.expect(b, VolumeDescriptorType.PRIMARY, 1, S);
        b.get();
        String sys = VolumeDescriptors.getString(b, 32, false);
        String vol = VolumeDescriptors.getString(b, 32, false);
        b.position(b.position() + 8);
        long space = BothEndian.getInt32(b, S + ".volumeSpaceSize", ctx);
        b.position(b.position() + 32);
        int setSize = BothEndian.getInt16(b, S + ".volumeSetSize", ctx);
        int seq = BothEndian.getInt16(b, S + ".volumeSequenceNumber", ctx);
        int block = BothEndian.getInt16(b, S + ".logicalBlockSize", ctx);
        long ptSize = BothEndian.getInt32(b, S + ".pathTableSize", ctx);
        long l = BothEndian.getUInt32LE(b, S + ".typeLPathTableLocation");
        long lOpt = BothEndian.getUInt32LE(b, S + ".optionalTypeLPathTableLocation");
        long m = BothEndian.getUInt32BE(b, S + ".typeMPathTableLocation");
        long mOpt = BothEndian.getUInt32BE(b, S + ".optionalTypeMPathTableLocation");
        DirectoryRecord root = VolumeDescriptors.getRoot(b, S, ctx);
        String set = VolumeDescriptors.getString(b, 128, false);
        String pub = VolumeDescriptors.getString(b, 128, false);
        String prep = VolumeDescriptors.getString(b, 128, false);
        String app = VolumeDescriptors.getString(b, 128, false);
        String copy = VolumeDescriptors.getString(b, 37, false);
        String abs = VolumeDescriptors.getString(b, 37, false);
        String bib = VolumeDescriptors.getString(b, 37, false);
        VolumeDateTime[] d = VolumeDescriptors.getDates(b, ctx);
        int fsv = b.get() & 0xFF;
        b.position(at + VolumeDescriptors.LENGTH);
        return new PrimaryVolumeDescriptor(sys, vol, space, setSize, seq, block, ptSize, l, lOpt, m, mOpt, root, set,
                pub, prep, app, copy, abs, bib, d[0], d[1], d[2], d[3], fsv);
    }
}
