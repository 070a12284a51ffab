package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A Logical Volume Integrity Descriptor, ECMA-167 3/10.10 (tag 9): 16 recording time (12), 28
 * integrity type (4; 0 open, 1 close), 32 next integrity extent (8), 40 logical volume contents use
 * (32; its first 8 bytes are the next UniqueID, ECMA-167 4/14.15), 72 number of partitions N (4), 76
 * length of implementation use L_IU (4), 80 free space table (4N), 80+4N size table (4N), 80+8N
 * implementation use (L_IU; UDF 2.60 2.2.6.4: regid (32), number of files (4), number of directories
 * (4), minimum UDF read revision (2), minimum write revision (2), maximum write revision (2)).
 *
 * @param tag                 descriptor tag
 * @param recordingTime       recording date and time
 * @param integrityType       0 open, 1 close
 * @param nextIntegrityExtent the next LVID extent (length 0: none)
 * @param contentsUse         32 bytes of logical volume contents use
 * @param freeSpaceTable      free blocks per partition
 * @param sizeTable           blocks per partition
 * @param implementationUse   L_IU bytes of implementation use
 */
public record LogicalVolumeIntegrityDescriptor(DescriptorTag tag, Timestamp recordingTime, long integrityType,
                                               ExtentAd nextIntegrityExtent, byte[] contentsUse,
                                               List<Long> freeSpaceTable, List<Long> sizeTable,
                                               byte[] implementationUse) {
    /** Bytes before the tables. */
    public static final int FIXED_LENGTH = 80;
    /** Integrity type "open". */
    public static final int OPEN = 0;
    /** Integrity type "close". */
    public static final int CLOSE = 1;
    private static final String S = "LogicalVolumeIntegrityDescriptor";

    /** Checks tag and ranges, copies arrays and lists. */
    public LogicalVolumeIntegrityDescriptor {
        Tagged.check(tag, DescriptorTag.ID_LVID);
        java.util.Objects.requireNonNull(recordingTime, "recordingTime");
        Le.u32Arg(integrityType, "integrityType");
        java.util.Objects.requireNonNull(nextIntegrityExtent, "nextIntegrityExtent");
        contentsUse = Le.fixed(contentsUse, 32, "contentsUse");
        freeSpaceTable = List.copyOf(freeSpaceTable);
        sizeTable = List.copyOf(sizeTable);
        if (freeSpaceTable.size() != sizeTable.size()) {
            throw new IllegalArgumentException("free space and size tables differ in length");
        }
        implementationUse = implementationUse.clone();
    }

    /** The contents use (a copy). */
    @Override
    public byte[] contentsUse() {
        return contentsUse.clone();
    }

    /** The implementation use (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** The next UniqueID (contents use bytes 0-7). */
    public long nextUniqueId() {
        return Le.u64(ByteBuffer.wrap(contentsUse), 0);
    }

    /** The minimum UDF read revision of UDF's implementation use (e.g. 0x0250), or -1 if L_IU is below 46. */
    public int minimumUdfReadRevision() {
        return implementationUse.length >= 46 ? Le.u16(ByteBuffer.wrap(implementationUse), 40) : -1;
    }

    /** The number of files of UDF's implementation use, or -1 if L_IU is below 46. */
    public long numberOfFiles() {
        return implementationUse.length >= 46 ? Le.u32(ByteBuffer.wrap(implementationUse), 32) : -1;
    }

    /** The number of directories of UDF's implementation use, or -1 if L_IU is below 46. */
    public long numberOfDirectories() {
        return implementationUse.length >= 46 ? Le.u32(ByteBuffer.wrap(implementationUse), 36) : -1;
    }

    /** 80 + 8N + L_IU. */
    public int length() {
        return FIXED_LENGTH + 8 * freeSpaceTable.size() + implementationUse.length;
    }

    /** Writes the descriptor with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        int n = freeSpaceTable.size();
        ByteBuffer d = Le.out(b, len);
        recordingTime.encode(d.position(16));
        Le.put32(d, 28, integrityType);
        nextIntegrityExtent.encode(d.position(32));
        Le.putBytes(d, 40, contentsUse);
        Le.put32(d, 72, n);
        Le.put32(d, 76, implementationUse.length);
        for (int i = 0; i < n; i++) {
            Le.put32(d, 80 + 4 * i, freeSpaceTable.get(i));
            Le.put32(d, 80 + 4 * n + 4 * i, sizeTable.get(i));
        }
        Le.putBytes(d, 80 + 8 * n, implementationUse);
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /** Reads the descriptor, checking tag, checksum, CRC and that N and L_IU fit. */
    public static LogicalVolumeIntegrityDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the descriptor; the CRC is checked only if {@code checkCrc}. */
    public static LogicalVolumeIntegrityDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_LVID, S, checkCrc);
        int at = b.position();
        ByteBuffer head = Le.slice(b, FIXED_LENGTH, S);
        long n = Le.u32(head, 72);
        long liu = Le.u32(head, 76);
        long room = b.remaining() - FIXED_LENGTH;
        if (n > room / 8 || liu > room - 8 * n) {
            throw Decoding.malformed(S + ".numberOfPartitions", at + 72, n + " partitions and " + liu
                    + " bytes of implementation use do not fit the " + b.remaining() + " bytes of the descriptor");
        }
        int len = FIXED_LENGTH + 8 * (int) n + (int) liu;
        ByteBuffer d = Le.slice(b, len, S);
        List<Long> free = new ArrayList<>((int) n);
        List<Long> size = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            free.add(Le.u32(d, 80 + 4 * i));
            size.add(Le.u32(d, 80 + 4 * (int) n + 4 * i));
        }
        LogicalVolumeIntegrityDescriptor v = new LogicalVolumeIntegrityDescriptor(tag, Timestamp.decode(d.position(16)),
                Le.u32(d, 28), ExtentAd.decode(d.position(32)), Le.bytes(d, 40, 32), free, size,
                Le.bytes(d, 80 + 8 * (int) n, (int) liu));
        b.position(at + len);
        return v;
    }
}
