package org.discimage.layout;

import java.nio.ByteBuffer;

import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.AllocationExtentDescriptor;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.LogicalBlockAddress;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;

/**
 * The allocation descriptors of one contiguous run of data: short_ads of at most
 * {@link #MAX_EXTENT} bytes by default (ECMA-167 4/14.14.1.1: the length is 30 bits; UDF 2.60 2.3.10: every
 * extent but the last a whole number of blocks), as many as fit in the ICB's allocation descriptor
 * area, the rest continued in a chain of Allocation Extent Descriptors (ECMA-167 4/14.5, 4/12.1:
 * the last slot holds an extent of type 3 pointing at the next AED; UDF 2.60 2.3.11: one AED per
 * logical block). The AEDs of an item lie in consecutive blocks. Nothing is buffered: the ADs of
 * the ICB and of each AED are computed when that block is encoded.
 *
 * <p>With a metadata partition (UDF 2.50+) the ICBs and AEDs lie in the metadata partition but a
 * file's data in the physical one; a short_ad means a block of the ICB's own partition (ECMA-167
 * 4/14.14.1, UDF 2.60 2.3.10.1), so there the ADs are long_ads (4/14.14.2) naming the data's
 * partition, and the continuation's long_ad names the AEDs' partition.
 */
final class UdfAllocation {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    private static final int AD = ShortAllocationDescriptor.LENGTH;
    /** ECMA-167 4/14.14.1.1 with whole blocks (UDF 2.60 2.3.10). */
    static final long MAX_EXTENT = (1L << 30) - SECTOR;
    /** Short ADs that fit in one AED block (UDF 2.60 2.3.11: an AED does not exceed a block). */
    static final int ADS_PER_AED = (SECTOR - AllocationExtentDescriptor.FIXED_LENGTH) / AD;
    /** No partition reference: short_ads. */
    static final int SHORT = -1;

    private final long first;
    private final long length;
    private final long maxExtent;
    private final long extents;
    private final int icbSlots;
    /** Partition reference of the data's long_ads, or {@link #SHORT}. */
    private final int dataPartition;
    /** Partition reference of the AEDs (for the continuation long_ad). */
    private final int aedPartition;
    private final int adLength;
    private final int perAed;

    /**
     * @param first       first logical block of the data
     * @param length      bytes of data
     * @param maxExtent   bytes per extent but the last: {@link #MAX_EXTENT}, or fewer whole blocks
     *                    (tests use it to get AEDs from small files)
     * @param icbAdBytes  bytes available for allocation descriptors in the (E)FE: the block less the
     *                    fixed part ({@code FileEntry.FIXED_LENGTH} or {@code ExtendedFileEntry.FIXED_LENGTH})
     *                    and the extended attributes
     */
    UdfAllocation(long first, long length, long maxExtent, int icbAdBytes) {
        this(first, length, maxExtent, icbAdBytes, SHORT, 0);
    }

    /**
     * As {@link #UdfAllocation(long, long, long, int)}, with long_ads when {@code dataPartition} is
     * not {@link #SHORT}: the data in partition {@code dataPartition}, the AEDs in {@code aedPartition}.
     */
    UdfAllocation(long first, long length, long maxExtent, int icbAdBytes, int dataPartition, int aedPartition) {
        this.dataPartition = dataPartition;
        this.aedPartition = aedPartition;
        this.adLength = dataPartition == SHORT ? AD : LongAllocationDescriptor.LENGTH;
        this.perAed = (SECTOR - AllocationExtentDescriptor.FIXED_LENGTH) / adLength;
        if (maxExtent <= 0 || maxExtent > MAX_EXTENT || maxExtent % SECTOR != 0) {
            throw new IllegalArgumentException("extent length " + maxExtent + " is not whole blocks up to " + MAX_EXTENT);
        }
        this.first = first;
        this.length = length;
        this.maxExtent = maxExtent;
        this.extents = (length + maxExtent - 1) / maxExtent;
        this.icbSlots = icbAdBytes / adLength;
        if (icbSlots < 2) {
            throw new IllegalArgumentException("no room for allocation descriptors: " + icbAdBytes + " bytes");
        }
    }

    /** Data extents. */
    long extents() {
        return extents;
    }

    /** Data ADs recorded in the ICB: all, or all slots but the continuation's. */
    private long inIcb() {
        return extents <= icbSlots ? extents : icbSlots - 1;
    }

    /** AED blocks needed: each holds {@link #ADS_PER_AED} (short) data ADs, or one less and a continuation. */
    int aeds() {
        long rest = extents - inIcb();
        int n = 0;
        while (rest > 0) {
            rest -= rest <= perAed ? rest : perAed - 1;
            n++;
        }
        return n;
    }

    /** The ADs of the ICB; {@code firstAed} is the block of the first AED (unused without AEDs). */
    byte[] icbAds(long firstAed) {
        byte[] a = new byte[icbAdLength()];
        putIcbAds(a, 0, firstAed);
        return a;
    }

    /** The bytes of {@link #icbAds}: the ICB's data ADs and, with AEDs, the continuation. */
    int icbAdLength() {
        long n = inIcb();
        return (int) (n + (n < extents ? 1 : 0)) * adLength;
    }

    /**
     * Writes {@link #icbAds}{@code (firstAed)} at {@code a[off]}, in the File Entry being encoded in
     * place (no array or descriptor object per file); returns the bytes written.
     */
    int putIcbAds(byte[] a, int off, long firstAed) {
        long n = inIcb();
        int at = put(a, off, 0, n);
        if (n < extents) {
            // a short_ad without a metadata partition: the AEDs lie in the ICB's own partition
            at = ad(a, at, AllocationDescriptor.CONTINUATION, SECTOR, firstAed,
                    dataPartition == SHORT ? SHORT : aedPartition);
        }
        return at - off;
    }

    /**
     * The ICB ADs of {@code n}'s data when they all fit in its entry (no AEDs), written at
     * {@code a[off]} without an allocation object: the common case of a file of one extent. Returns
     * the bytes written, or -1 when the data needs AEDs (the caller then uses an instance).
     */
    static int putIcbAds(byte[] a, int off, long first, long length, long maxExtent, int icbAdBytes,
                         int dataPartition) {
        int adLength = dataPartition == SHORT ? AD : LongAllocationDescriptor.LENGTH;
        long extents = (length + maxExtent - 1) / maxExtent;
        if (extents > icbAdBytes / adLength) {
            return -1;
        }
        int at = off;
        for (long i = 0; i < extents; i++) {
            long offset = i * maxExtent;
            at = ad(a, at, AllocationDescriptor.RECORDED, Math.min(maxExtent, length - offset), first + offset / SECTOR,
                    dataPartition);
        }
        return at - off;
    }

    /**
     * Encodes AED number {@code index} (0-based) of the chain starting at {@code firstAed}, with tag
     * version {@code version}; its previous-AED field is the one before it (0 for the first,
     * ECMA-167 4/14.5.2 lets it be 0; UDF 2.60 2.3.11 requires 0 outside rewritable media).
     */
    void encodeAed(int index, long firstAed, int version, int serial, ByteBuffer dst) {
        long from = inIcb();
        for (int i = 0; i < index; i++) {
            long rest = extents - from;
            from += rest <= perAed ? rest : perAed - 1;
        }
        long rest = extents - from;
        long n = rest <= perAed ? rest : perAed - 1;
        boolean more = n < rest;
        ByteBuffer b = ByteBuffer.allocate((int) (n + (more ? 1 : 0)) * adLength);
        put(b, from, n);
        if (more) {
            continuation(b, firstAed + index + 1);
        }
        long block = firstAed + index;
        new AllocationExtentDescriptor(DescriptorTag.of(DescriptorTag.ID_AED, version, serial, block), 0, b.array())
                .encode(dst);
    }

    /** Writes data ADs number {@code from} .. {@code from + n - 1} at {@code a[off]}; returns the end. */
    private int put(byte[] a, int off, long from, long n) {
        int at = off;
        for (long i = from; i < from + n; i++) {
            long offset = i * maxExtent;
            at = ad(a, at, AllocationDescriptor.RECORDED, Math.min(maxExtent, length - offset), first + offset / SECTOR,
                    dataPartition);
        }
        return at;
    }

    /** Writes one short_ad ({@code partition} {@link #SHORT}) or long_ad at {@code a[off]}; returns the end. */
    private static int ad(byte[] a, int off, int type, long length, long block, int partition) {
        if (partition == SHORT) {
            ShortAllocationDescriptor.put(a, off, type, length, block);
            return off + AD;
        }
        LongAllocationDescriptor.put(a, off, type, length, block, partition);
        return off + LongAllocationDescriptor.LENGTH;
    }

    /** Data ADs number {@code from} .. {@code from + n - 1}. */
    private void put(ByteBuffer b, long from, long n) {
        for (long i = from; i < from + n; i++) {
            long offset = i * maxExtent;
            long len = Math.min(maxExtent, length - offset);
            ad(AllocationDescriptor.RECORDED, len, first + offset / SECTOR, dataPartition).encode(b);
        }
    }

    /**
     * ECMA-167 4/14.14.1.1 type 3: the next extent of allocation descriptors, one block long (UDF
     * 2.60 2.3.11 limits an AED to one logical block).
     */
    private void continuation(ByteBuffer b, long block) {
        ad(AllocationDescriptor.CONTINUATION, SECTOR, block, aedPartition).encode(b);
    }

    private AllocationDescriptor ad(int type, long length, long block, int partition) {
        return dataPartition == SHORT ? new ShortAllocationDescriptor(type, length, block)
                : new LongAllocationDescriptor(type, length, new LogicalBlockAddress(block, partition), null);
    }
}
