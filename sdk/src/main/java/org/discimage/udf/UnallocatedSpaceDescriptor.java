package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * An Unallocated Space Descriptor, ECMA-167 3/10.8 (tag 7): 16 VDS number (4), 20 number of
 * allocation descriptors N (4), 24 N extent_ads. Length 24 + 8N.
 *
 * @param tag        descriptor tag
 * @param vdsNumber  volume descriptor sequence number
 * @param extents    the unallocated extents
 */
public record UnallocatedSpaceDescriptor(DescriptorTag tag, long vdsNumber, List<ExtentAd> extents) {
    private static final String S = "UnallocatedSpaceDescriptor";

    /** Checks the tag, copies the list. */
    public UnallocatedSpaceDescriptor {
        Tagged.check(tag, DescriptorTag.ID_USD);
        Le.u32Arg(vdsNumber, "vdsNumber");
        extents = List.copyOf(extents);
    }

    /** 24 + 8 per extent. */
    public int length() {
        return 24 + 8 * extents.size();
    }

    /** Writes the descriptor with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        Le.put32(d, 16, vdsNumber);
        Le.put32(d, 20, extents.size());
        d.position(24);
        for (ExtentAd e : extents) {
            e.encode(d);
        }
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /** Reads the descriptor, checking tag, checksum, CRC and that the N extents fit. */
    public static UnallocatedSpaceDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the descriptor; the CRC is checked only if {@code checkCrc}. */
    public static UnallocatedSpaceDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_USD, S, checkCrc);
        ByteBuffer head = Le.slice(b, 24, S);
        long n = Le.u32(head, 20);
        if (n > (b.remaining() - 24) / 8) {
            throw Decoding.malformed(S + ".numberOfAllocationDescriptors", b.position() + 20, n
                    + " extents do not fit the " + b.remaining() + " bytes of the descriptor");
        }
        int len = 24 + 8 * (int) n;
        ByteBuffer d = Le.slice(b, len, S);
        List<ExtentAd> list = new ArrayList<>((int) n);
        d.position(24);
        for (int i = 0; i < n; i++) {
            list.add(ExtentAd.decode(d));
        }
        b.position(b.position() + len);
        return new UnallocatedSpaceDescriptor(tag, Le.u32(d, 16), list);
    }
}
