package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.Wire.put16;

/**
 * MODE SENSE(10) page 2Ah, "CD/DVD capabilities and mechanical status" (MMC-3 6.3.11; MMC-5 keeps it as a
 * legacy page), behind the 8-byte mode parameter header. Page bytes: [2] read bits (bit0 CD-R, bit1 CD-RW,
 * bit2 method 2, bit3 DVD-ROM, bit4 DVD-R, bit5 DVD-RAM); [3] write bits (bit0 CD-R, bit1 CD-RW, bit2 test
 * write, bit4 DVD-R, bit5 DVD-RAM); [4] bit7 BUF, bit6 multi-session, bit4 Mode 2 Form 1; [6] bit0 Lock,
 * bit1 lock state, bit3 Eject, bits7-5 loading mechanism (001b tray); [12..13] buffer size in KiB;
 * [18..19] maximum and [20..21] current write speed (obsolete fields, kB/s); [27] bits1-0 rotation control
 * selected; [28..29] current write speed selected; [30..31] number of write speed descriptors, 4 bytes
 * each from [32]: [1] bits2-0 rotation control, [2..3] write speed (kB/s). [unconfirmed: the layout as
 * recalled from MMC-3 and cross-checked against one open-source decoder's structure; not measured on a
 * drive.] Speeds above 65,535 kB/s (BD 16×) are clamped to FFFFh, the field being 16 bits.
 */
final class CapabilitiesPage {
    static final int PAGE_CODE = 0x2A;
    private static final int FIXED = 32;

    private CapabilitiesPage() {
    }

    /**
     * The MODE SENSE(10) data of the page for a drive of {@code profile} holding a buffer of
     * {@code bufferBytes}, the tray locked or not, writing at {@code writeSpeed} bytes per second.
     */
    static byte[] sense(EmulatedProfile profile, long bufferBytes, boolean locked, long writeSpeed) {
        long[] speeds = profile.writeSpeeds();
        byte[] p = new byte[FIXED + 4 * speeds.length];
        p[0] = PAGE_CODE;
        p[1] = (byte) (p.length - 2);
        p[2] = 0x1F; // reads CD-R, CD-RW, method 2, DVD-ROM, DVD-R
        p[3] = 0x13; // writes CD-R, CD-RW, DVD-R (no test write: not modelled)
        p[4] = (byte) 0xD0; // BUF (an underrun is resumed), multi-session, Mode 2 Form 1
        p[6] = (byte) (0x20 | 0x08 | (locked ? 0x02 : 0) | 0x01); // tray, eject, lock state, lock
        put16(p, 12, (int) Math.min(0xFFFF, bufferBytes / 1024));
        put16(p, 18, kb(speeds[0]));
        put16(p, 20, kb(writeSpeed));
        put16(p, 28, kb(writeSpeed));
        put16(p, 30, speeds.length);
        for (int i = 0; i < speeds.length; i++) {
            put16(p, FIXED + 4 * i + 2, kb(speeds[i]));
        }
        byte[] r = new byte[8 + p.length];
        put16(r, 0, r.length - 2);
        System.arraycopy(p, 0, r, 8, p.length);
        return r;
    }

    private static int kb(long bytesPerSecond) {
        return (int) Math.min(0xFFFF, bytesPerSecond / 1000);
    }
}
