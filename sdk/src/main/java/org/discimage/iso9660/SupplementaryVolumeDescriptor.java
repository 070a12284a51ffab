package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;

/**
 * A supplementary volume descriptor, ECMA-119 8.5 (type 2, version 1; 2048 bytes), as used by Joliet.
 * Components follow the on-disc order: volume flags (offset 7, 8.5.3), then the PVD's fields with the
 * 32-byte escape sequences (offset 88, 8.5.6) right after the volume space size. When the escape
 * sequences start with Joliet's {@code %/@}, {@code %/C} or {@code %/E} ({@link #isJoliet()}) the nine
 * text fields are UCS-2BE padded with {@code 00 20} (Joliet specification); otherwise space-padded ASCII.
 * Null strings mean empty, null dates "not specified", null escape sequences 32 zero bytes. An enhanced
 * volume descriptor (ISO 9660:1999, version 2) is not decoded by this record.
 */
public record SupplementaryVolumeDescriptor(int volumeFlags, String systemIdentifier, String volumeIdentifier,
                                            long volumeSpaceSize, byte[] escapeSequences, int volumeSetSize,
                                            int volumeSequenceNumber, int logicalBlockSize, long pathTableSize,
                                            long typeLPathTableLocation, long optionalTypeLPathTableLocation,
                                            long typeMPathTableLocation, long optionalTypeMPathTableLocation,
                                            DirectoryRecord rootDirectoryRecord, String volumeSetIdentifier,
                                            String publisherIdentifier, String dataPreparerIdentifier,
                                            String applicationIdentifier, String copyrightFileIdentifier,
                                            String abstractFileIdentifier, String bibliographicFileIdentifier,
                                            VolumeDateTime creation, VolumeDateTime modification,
                                            VolumeDateTime expiration, VolumeDateTime effective,
                                            int fileStructureVersion) {
    /** Joliet level 3 escape sequence {@code %/E} followed by 29 zero bytes (do not modify). */
    public static final byte[] JOLIET_LEVEL3_ESCAPES = escapes('E');
    /** Length of the escape sequences field. */
    public static final int ESCAPE_SEQUENCES_LENGTH = 32;

    private static final String S = "SupplementaryVolumeDescriptor";

    /** Normalises nulls, copies the escape sequences and checks them and the root record. */
    public SupplementaryVolumeDescriptor {
        Decoding.checkRange(volumeFlags, 0, 255, "volumeFlags");
        escapeSequences = escapeSequences == null ? new byte[ESCAPE_SEQUENCES_LENGTH] : escapeSequences.clone();
        if (escapeSequences.length != ESCAPE_SEQUENCES_LENGTH) {
            throw new IllegalArgumentException("escape sequences must be 32 bytes, not " + escapeSequences.length);
        }
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

    private static byte[] escapes(char level) {
        byte[] e = new byte[ESCAPE_SEQUENCES_LENGTH];
        e[0] = '%';
        e[1] = '/';
        e[2] = (byte) level;
        return e;
    }

    /** The escape sequences (a copy). */
    @Override
    public byte[] escapeSequences() {
        return escapeSequences.clone();
    }

    /** True if the escape sequences start with {@code %/@}, {@code %/C} or {@code %/E} (Joliet levels 1-3). */
    public boolean isJoliet() {
        return isJoliet(escapeSequences);
    }

    private static boolean isJoliet(byte[] e) {
        return e[0] == '%' && e[1] == '/' && (e[2] == '@' || e[2] == 'C' || e[2] == 'E');
    }

    /** Always 2048. */
    public int length() {
        return VolumeDescriptors.LENGTH;
    }

    /** Writes the 2048 bytes; IllegalArgumentException if a string does not fit or a number is out of range. */
    public void encode(ByteBuffer b) {
        boolean u = isJoliet();
        new VolumeDescriptorHeader(VolumeDescriptorType.SUPPLEMENTARY.code(), VolumeDescriptorHeader.CD001, 1)
                .encode(b);
        b.put((byte) volumeFlags);
        VolumeDescriptors.putString(b, systemIdentifier, 32, u);
        VolumeDescriptors.putString(b, volumeIdentifier, 32, u);
        Decoding.putZeros(b, 8);
        BothEndian.putInt32(b, volumeSpaceSize);
        b.put(escapeSequences);
        BothEndian.putInt16(b, volumeSetSize);
        BothEndian.putInt16(b, volumeSequenceNumber);
        BothEndian.putInt16(b, logicalBlockSize);
        BothEndian.putInt32(b, pathTableSize);
        BothEndian.putInt32LE(b, typeLPathTableLocation);
        BothEndian.putInt32LE(b, optionalTypeLPathTableLocation);
        BothEndian.putInt32BE(b, typeMPathTableLocation);
        BothEndian.putInt32BE(b, optionalTypeMPathTableLocation);
        rootDirectoryRecord.encode(b);
        VolumeDescriptors.putString(b, volumeSetIdentifier, 128, u);
        VolumeDescriptors.putString(b, publisherIdentifier, 128, u);
        VolumeDescriptors.putString(b, dataPreparerIdentifier, 128, u);
        VolumeDescriptors.putString(b, applicationIdentifier, 128, u);
        VolumeDescriptors.putString(b, copyrightFileIdentifier, 37, u);
        VolumeDescriptors.putString(b, abstractFileIdentifier, 37, u);
        VolumeDescriptors.putString(b, bibliographicFileIdentifier, 37, u);
        creation.encode(b);
        modification.encode(b);
        expiration.encode(b);
        effective.encode(b);
        VolumeDescriptors.putTail(b, fileStructureVersion);
    }

    /**
     * Reads 2048 bytes. MALFORMED_STRUCTURE if fewer remain, the header is not type 2 / "CD001" /
     * version 1, a both-endian number's halves disagree, the root record is not a 34-byte "." record or a
     * date is malformed.
     */
    public static SupplementaryVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static SupplementaryVolumeDescriptor decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, VolumeDescriptors.LENGTH, S);
        VolumeDescriptorHeader.expect(b, VolumeDescriptorType.SUPPLEMENTARY, 1, S);
        byte[] esc = new byte[ESCAPE_SEQUENCES_LENGTH];
        b.get(at + 88, esc);
        boolean u = isJoliet(esc);
        int flags = b.get() & 0xFF;
        String sys = VolumeDescriptors.getString(b, 32, u);
        String vol = VolumeDescriptors.getString(b, 32, u);
        b.position(b.position() + 8);
        long space = BothEndian.getInt32(b, S + ".volumeSpaceSize", ctx);
        b.position(b.position() + ESCAPE_SEQUENCES_LENGTH);
        int setSize = BothEndian.getInt16(b, S + ".volumeSetSize", ctx);
        int seq = BothEndian.getInt16(b, S + ".volumeSequenceNumber", ctx);
        int block = BothEndian.getInt16(b, S + ".logicalBlockSize", ctx);
        long ptSize = BothEndian.getInt32(b, S + ".pathTableSize", ctx);
        long l = BothEndian.getUInt32LE(b, S + ".typeLPathTableLocation");
        long lOpt = BothEndian.getUInt32LE(b, S + ".optionalTypeLPathTableLocation");
        long m = BothEndian.getUInt32BE(b, S + ".typeMPathTableLocation");
        long mOpt = BothEndian.getUInt32BE(b, S + ".optionalTypeMPathTableLocation");
        DirectoryRecord root = VolumeDescriptors.getRoot(b, S, ctx);
        String set = VolumeDescriptors.getString(b, 128, u);
        String pub = VolumeDescriptors.getString(b, 128, u);
        String prep = VolumeDescriptors.getString(b, 128, u);
        String app = VolumeDescriptors.getString(b, 128, u);
        String copy = VolumeDescriptors.getString(b, 37, u);
        String abs = VolumeDescriptors.getString(b, 37, u);
        String bib = VolumeDescriptors.getString(b, 37, u);
        VolumeDateTime[] d = VolumeDescriptors.getDates(b, ctx);
        int fsv = b.get() & 0xFF;
        b.position(at + VolumeDescriptors.LENGTH);
        return new SupplementaryVolumeDescriptor(flags, sys, vol, space, esc, setSize, seq, block, ptSize, l, lOpt, m,
                mOpt, root, set, pub, prep, app, copy, abs, bib, d[0], d[1], d[2], d[3], fsv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupplementaryVolumeDescriptor v && Arrays.equals(escapeSequences, v.escapeSequences)
                && Arrays.asList(fields()).equals(Arrays.asList(v.fields()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields()) * 31 + Arrays.hashCode(escapeSequences);
    }

    @Override
    public String toString() {
        return "SupplementaryVolumeDescriptor" + Arrays.toString(fields()) + "[escapeSequences="
                + Arrays.toString(escapeSequences) + "]";
    }

    private Object[] fields() {
        return new Object[] {volumeFlags, systemIdentifier, volumeIdentifier, volumeSpaceSize, volumeSetSize,
            volumeSequenceNumber, logicalBlockSize, pathTableSize, typeLPathTableLocation,
            optionalTypeLPathTableLocation, typeMPathTableLocation, optionalTypeMPathTableLocation,
            rootDirectoryRecord, volumeSetIdentifier, publisherIdentifier, dataPreparerIdentifier,
            applicationIdentifier, copyrightFileIdentifier, abstractFileIdentifier, bibliographicFileIdentifier,
            creation, modification, expiration, effective, fileStructureVersion};
    }
}
