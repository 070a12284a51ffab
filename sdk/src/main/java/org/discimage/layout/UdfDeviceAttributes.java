package org.discimage.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.discimage.tree.DeviceItem;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.IcbTag;

/**
 * The extended attribute space of a device's File Entry (ECMA-167 4/14.9.21, UDF 2.60 3.3.4): an
 * Extended Attribute Header Descriptor (4/14.10.1) and one Device Specification attribute
 * (4/14.10.7) with the major and minor numbers. 48 bytes, recorded in the File Entry itself.
 */
final class UdfDeviceAttributes {
    /** ECMA-167 4/7.2.1: the tag identifier of an Extended Attribute Header Descriptor. */
    static final int ID_EA_HEADER = 262;
    /** ECMA-167 4/14.10.7: attribute type 12, subtype 1. */
    static final int DEVICE_SPECIFICATION = 12;
    static final int HEADER = 24;
    /** Type (4), subtype (1), reserved (3), length (4), implementation use length (4), major, minor (4 each). */
    static final int DEVICE_ATTRIBUTE = 24;
    static final int LENGTH = HEADER + DEVICE_ATTRIBUTE;

    private UdfDeviceAttributes() {
    }

    /** ECMA-167 4/14.6.6: file type 6 for a block device, 7 for a character device. */
    static int fileType(DeviceItem d) {
        return d.kind() == DeviceItem.Kind.BLOCK ? IcbTag.TYPE_BLOCK_DEVICE : IcbTag.TYPE_CHARACTER_DEVICE;
    }

    /**
     * The EA space of a device whose File Entry is at logical block {@code icb} (the header's tag
     * location, ECMA-167 4/7.2.1), with descriptor tag version {@code version}.
     */
    static byte[] encode(DeviceItem d, long icb, int version, int serial) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        // 4/14.10.1.1-2: no implementation use or application use attributes; the locations point at
        // the end of the EA space (L_EA), which no attribute starts at
        b.putInt(16, LENGTH);
        b.putInt(20, LENGTH);
        DescriptorTag.of(ID_EA_HEADER, version, serial, icb).seal(b.slice(0, HEADER).order(ByteOrder.LITTLE_ENDIAN),
                HEADER);
        b.putInt(HEADER, DEVICE_SPECIFICATION);
        b.put(HEADER + 4, (byte) 1);
        b.putInt(HEADER + 8, DEVICE_ATTRIBUTE);
        b.putInt(HEADER + 12, 0);  // implementation use length: none
        b.putInt(HEADER + 16, (int) d.major());
        b.putInt(HEADER + 20, (int) d.minor());
        return b.array();
    }
}
