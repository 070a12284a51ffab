package org.discimage.iso9660;

import static org.discimage.iso9660.VolumeDescriptorFields.text;
import static org.discimage.iso9660.VolumeDescriptorFields.zeros;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;

/**
 * A supplementary volume descriptor (ECMA-119 8.5), as Joliet uses it: when the escape sequences
 * name Joliet (%/@, %/C, %/E) the text fields are UCS-2 BE padded with 00 20. Parameters follow the
 * on-disc order (flags at 7, escape sequences at 88).
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
    /** Joliet level 3 escape sequence %/E (UCS-2 level 3), padded to 32 bytes. */
    public static final byte[] JOLIET_LEVEL3_ESCAPES = Arrays.copyOf(new byte[] {0x25, 0x2F, 0x45}, 32);

    /** Whether the escape sequences name Joliet. */
    public boolean isJoliet() {
        return isJoliet(escapeSequences);
    }

    static boolean isJoliet(byte[] esc) {
        return esc.length >= 3 && esc[0] == 0x25 && esc[1] == 0x2F && (esc[2] == 0x40 || esc[2] == 0x43 || esc[2] == 0x45);
    }

    /** Writes the 2048 bytes. */
    public void encode(ByteBuffer b) {
        boolean ucs2 = isJoliet();
        int start = VolumeDescriptorFields.header(b, VolumeDescriptorType.SUPPLEMENTARY);
        b.put((byte) volumeFlags);
        text(b, systemIdentifier, 32, ucs2);
        text(b, volumeIdentifier, 32, ucs2);
        zeros(b, 8);
        BothEndian.putInt32(b, volumeSpaceSize);
        b.put(Arrays.copyOf(escapeSequences, 32));
        SharedTail.write(b, ucs2, volumeSetSize, volumeSequenceNumber, logicalBlockSize, pathTableSize,
                typeLPathTableLocation, optionalTypeLPathTableLocation, typeMPathTableLocation,
                optionalTypeMPathTableLocation, rootDirectoryRecord, volumeSetIdentifier, publisherIdentifier,
                dataPreparerIdentifier, applicationIdentifier, copyrightFileIdentifier, abstractFileIdentifier,
                bibliographicFileIdentifier, creation, modification, expiration, effective, fileStructureVersion);
        while (b.position() < start + VolumeDescriptorFields.LENGTH) {
            b.put((byte) 0);
        }
    }

    /** Reads 2048 bytes. */
    public static SupplementaryVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        String what = "supplementary volume descriptor";
        int start = VolumeDescriptorFields.header(b, VolumeDescriptorType.SUPPLEMENTARY, what);
        int flags = b.get() & 0xFF;
        byte[] esc = new byte[32];
        b.get(start + 88, esc);
        boolean ucs2 = isJoliet(esc);
        String sys = text(b, 32, ucs2);
        String vol = text(b, 32, ucs2);
        b.position(b.position() + 8);
        long size = BothEndian.getInt32(b, what + " volume space size");
        b.position(b.position() + 32);
        SharedTail t = SharedTail.read(b, ucs2, what);
        b.position(start + VolumeDescriptorFields.LENGTH);
        return new SupplementaryVolumeDescriptor(flags, sys, vol, size, esc, t.setSize(), t.sequence(),
                t.blockSize(), t.tableSize(), t.l(), t.optL(), t.m(), t.optM(), t.root(), t.volumeSet(),
                t.publisher(), t.preparer(), t.application(), t.copyright(), t.abstractFile(), t.bibliographic(),
                t.creation(), t.modification(), t.expiration(), t.effective(), t.structureVersion());
    }

    /** Length in bytes: 2048. */
    public int length() {
        return VolumeDescriptorFields.LENGTH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupplementaryVolumeDescriptor s && s.toString().equals(toString())
                && Arrays.equals(s.escapeSequences, escapeSequences);
    }

    @Override
    public int hashCode() {
        return volumeIdentifier.hashCode();
    }
}
