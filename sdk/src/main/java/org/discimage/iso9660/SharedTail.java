package org.discimage.iso9660;

import static org.discimage.iso9660.VolumeDescriptorFields.text;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Offsets 120-882 of a PVD or SVD (ECMA-119 8.4.16-8.4.31 / 8.5). */
record SharedTail(int setSize, int sequence, int blockSize, long tableSize, long l, long optL, long m, long optM,
                  DirectoryRecord root, String volumeSet, String publisher, String preparer, String application,
                  String copyright, String abstractFile, String bibliographic, VolumeDateTime creation,
                  VolumeDateTime modification, VolumeDateTime expiration, VolumeDateTime effective,
                  int structureVersion) {

    static void write(ByteBuffer b, boolean ucs2, int setSize, int sequence, int blockSize, long tableSize, long l,
                      long optL, long m, long optM, DirectoryRecord root, String volumeSet, String publisher,
                      String preparer, String application, String copyright, String abstractFile,
                      String bibliographic, VolumeDateTime creation, VolumeDateTime modification,
                      VolumeDateTime expiration, VolumeDateTime effective, int structureVersion) {
        BothEndian.putInt16(b, setSize);
        BothEndian.putInt16(b, sequence);
        BothEndian.putInt16(b, blockSize);
        BothEndian.putInt32(b, tableSize);
        BothEndian.putInt32LE(b, l);
        BothEndian.putInt32LE(b, optL);
        BothEndian.putInt32BE(b, m);
        BothEndian.putInt32BE(b, optM);
        root.encode(b);
        text(b, volumeSet, 128, ucs2);
        text(b, publisher, 128, ucs2);
        text(b, preparer, 128, ucs2);
        text(b, application, 128, ucs2);
        text(b, copyright, 37, ucs2);
        text(b, abstractFile, 37, ucs2);
        text(b, bibliographic, 37, ucs2);
        creation.encode(b);
        modification.encode(b);
        expiration.encode(b);
        effective.encode(b);
        b.put((byte) structureVersion);
    }

    static SharedTail read(ByteBuffer b, boolean ucs2, String what) throws DiscImageException {
        int setSize = BothEndian.getInt16(b, what + " volume set size");
        int seq = BothEndian.getInt16(b, what + " volume sequence number");
        int block = BothEndian.getInt16(b, what + " logical block size");
        if (block != 2048) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": logical block size " + block
                    + " (only 2048 is supported)");
        }
        long tableSize = BothEndian.getInt32(b, what + " path table size");
        long l = BothEndian.getUInt32LE(b);
        long optL = BothEndian.getUInt32LE(b);
        long m = BothEndian.getUInt32BE(b);
        long optM = BothEndian.getUInt32BE(b);
        DirectoryRecord root = VolumeDescriptorFields.root(b, what);
        return new SharedTail(setSize, seq, block, tableSize, l, optL, m, optM, root, text(b, 128, ucs2),
                text(b, 128, ucs2), text(b, 128, ucs2), text(b, 128, ucs2), text(b, 37, ucs2), text(b, 37, ucs2),
                text(b, 37, ucs2), VolumeDateTime.decode(b), VolumeDateTime.decode(b), VolumeDateTime.decode(b),
                VolumeDateTime.decode(b), b.get() & 0xFF);
    }
}
