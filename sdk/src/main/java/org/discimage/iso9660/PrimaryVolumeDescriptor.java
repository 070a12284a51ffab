package org.discimage.iso9660;

import static org.discimage.iso9660.VolumeDescriptorFields.text;
import static org.discimage.iso9660.VolumeDescriptorFields.zeros;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;

/** The primary volume descriptor (ECMA-119 8.4); text fields as a-/d-characters, space padded. */
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

    /** Writes the 2048 bytes. */
    public void encode(ByteBuffer b) {
        int start = VolumeDescriptorFields.header(b, VolumeDescriptorType.PRIMARY);
        b.put((byte) 0);
        text(b, systemIdentifier, 32, false);
        text(b, volumeIdentifier, 32, false);
        zeros(b, 8);
        BothEndian.putInt32(b, volumeSpaceSize);
        zeros(b, 32);
        writeTail(b, false);
        while (b.position() < start + VolumeDescriptorFields.LENGTH) {
            b.put((byte) 0);
        }
    }

    /** Fields from offset 120 on, shared with the SVD (ECMA-119 8.4.16-8.4.31). */
    void writeTail(ByteBuffer b, boolean ucs2) {
        SharedTail.write(b, ucs2, volumeSetSize, volumeSequenceNumber, logicalBlockSize, pathTableSize,
                typeLPathTableLocation, optionalTypeLPathTableLocation, typeMPathTableLocation,
                optionalTypeMPathTableLocation, rootDirectoryRecord, volumeSetIdentifier, publisherIdentifier,
                dataPreparerIdentifier, applicationIdentifier, copyrightFileIdentifier, abstractFileIdentifier,
                bibliographicFileIdentifier, creation, modification, expiration, effective, fileStructureVersion);
    }

    /** Reads 2048 bytes. */
    public static PrimaryVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        String what = "primary volume descriptor";
        int start = VolumeDescriptorFields.header(b, VolumeDescriptorType.PRIMARY, what);
        b.get();
        String sys = text(b, 32, false);
        String vol = text(b, 32, false);
        b.position(b.position() + 8);
        long size = BothEndian.getInt32(b, what + " volume space size");
        b.position(b.position() + 32);
        SharedTail t = SharedTail.read(b, false, what);
        b.position(start + VolumeDescriptorFields.LENGTH);
        return new PrimaryVolumeDescriptor(sys, vol, size, t.setSize(), t.sequence(), t.blockSize(), t.tableSize(),
                t.l(), t.optL(), t.m(), t.optM(), t.root(), t.volumeSet(), t.publisher(), t.preparer(),
                t.application(), t.copyright(), t.abstractFile(), t.bibliographic(), t.creation(),
                t.modification(), t.expiration(), t.effective(), t.structureVersion());
    }

    /** Length in bytes: 2048. */
    public int length() {
        return VolumeDescriptorFields.LENGTH;
    }
}
