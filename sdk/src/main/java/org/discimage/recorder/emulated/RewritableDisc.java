package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.Wire.BLOCK;
import static org.discimage.recorder.emulated.Wire.check;
import static org.discimage.recorder.emulated.Wire.good;
import static org.discimage.recorder.emulated.Wire.put16;
import static org.discimage.recorder.emulated.Wire.put24;
import static org.discimage.recorder.emulated.Wire.put32;
import static org.discimage.recorder.emulated.Wire.reply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.ScsiResult;

/**
 * A random-write disc, DVD+RW (001Ah) or BD-RE (0043h): the flat image file (block n at byte n × 2048, as
 * long as the highest block written: unwritten blocks read as zeros, so other readers open the file as
 * the disc's image) and a sidecar state file {@code <image>.state} with the profile, the maximum and the
 * formatted capacity and the write protection, so a new drive on the same file sees the same disc.
 *
 * <p>A blank disc must be formatted (FORMAT UNIT: DVD+RW type 26h, BD-RE 00h/30h/31h; formats.md §6.3)
 * before it takes WRITEs; formatting is quick here (done when the command ends, nothing erased). Until
 * then WRITE and READ answer 5/30/10 "medium not formatted" (SPC-4 ASC 30h/10h; an ASUS DRW-1608P2 answered
 * 5/30/10 to a CLOSE SESSION dvd+rw-format sent to its DVD+RW, as a published dvd+rw-format log shows)
 * [unconfirmed: what a real drive answers to WRITE on a blank DVD+RW; some start background formatting].
 *
 * <p>The replies follow published dvd+rw-mediainfo listings of real DVD+RW drives (ASUS DRW-1608P2,
 * DRW-24B1ST, NEC ND-3540A): blank: disc status blank, last session empty, track 1 blank with no NWA and
 * all blocks free, READ FORMAT CAPACITIES "unformatted" and 26h; formatted: disc status complete, last
 * session complete, track 1 "complete incremental" with no NWA and 0 free blocks, READ CAPACITY the
 * formatted capacity, a fabricated TOC of track 1 (ADR/control 14h) at 0 and the lead-out (17h) at the
 * capacity. BD-RE is modelled the same way [unconfirmed: no BD-RE listing was checked].
 */
final class RewritableDisc implements Disc {
    private static final String MAGIC = "discimage-rewritable-state 1";
    /** BD-RE's default spare areas (ISA + OSA) as a share of the disc: 393,216 of 12,219,392 blocks. */
    private static final long BD_SPARE_NUMERATOR = 393_216;
    private static final long BD_SPARE_DENOMINATOR = 12_219_392;
    /** Nominal capacities: DVD+RW single layer 4.7 GB (as DVD+R), BD-RE single layer 25 GB without spares. */
    static final long DVD_PLUS_RW_CAPACITY = 2_295_104;
    static final long BD_RE_CAPACITY = 12_219_392;

    private final Path image;
    private final Path state;
    private final EmulatedProfile profile;
    private final long maximum;
    private final FileChannel channel;
    private long formatted;
    private boolean writeProtected;

    private RewritableDisc(Path image, EmulatedProfile profile, long maximum, long formatted, boolean writeProtected,
            FileChannel channel) {
        this.image = image;
        this.state = stateOf(image);
        this.profile = profile;
        this.maximum = maximum;
        this.formatted = formatted;
        this.writeProtected = writeProtected;
        this.channel = channel;
    }

    /** The state file of {@code image}: the same name with ".state" appended. */
    static Path stateOf(Path image) {
        return image.resolveSibling(image.getFileName() + ".state");
    }

    /**
     * Opens the disc {@code image} with its state file; without a state file creates a blank, unformatted
     * disc of {@code maximum} blocks ({@code writeProtected} is remembered in the state file; a protected
     * state file stays protected).
     *
     * @throws DiscImageException MALFORMED_STRUCTURE for an unreadable state file or an image with data but no
     *                            state; INVALID_PARAM when the state names another profile
     */
    static RewritableDisc open(Path image, EmulatedProfile profile, long maximum, boolean writeProtected)
            throws IOException {
        Path st = stateOf(image);
        long max = maximum;
        long fmt = 0;
        boolean wp = writeProtected;
        if (Files.exists(st)) {
            List<String> lines = Files.readAllLines(st, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).strip().equals(MAGIC)) {
                throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, st + " line 1: not a " + MAGIC + " file");
            }
            for (int n = 1; n < lines.size(); n++) {
                String[] f = lines.get(n).strip().split("\\s+");
                try {
                    switch (f[0]) {
                        case "profile" -> {
                            if (!f[1].equals(profile.label())) {
                                throw new DiscImageException(ErrorCode.INVALID_PARAM, image + " is a " + f[1] + " ("
                                        + st + "), not a " + profile.label());
                            }
                        }
                        case "capacity" -> max = Long.parseLong(f[1]);
                        case "formatted" -> fmt = Long.parseLong(f[1]);
                        case "write-protected" -> wp |= Boolean.parseBoolean(f[1]);
                        default -> throw new NumberFormatException("unknown item " + f[0]);
                    }
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, st + " line " + (n + 1) + ": " + e);
                }
            }
            if (max <= 0 || max > 0xFFFF_FFFFL || fmt < 0 || fmt > max) {
                throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, st + ": capacity " + max
                        + ", formatted " + fmt + " out of range");
            }
        } else if (Files.exists(image) && Files.size(image) > 0) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, image + " holds data but has no state "
                    + st + ": not a modelled " + profile.label());
        } else if (max <= 0 || max > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("capacity out of range: " + max);
        }
        FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        RewritableDisc d = new RewritableDisc(image, profile, max, fmt, wp, ch);
        try {
            d.saveState();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return d;
    }

    /** The nominal capacity of a random-write profile. */
    static long nominalCapacity(EmulatedProfile profile) {
        return profile == EmulatedProfile.BD_RE ? BD_RE_CAPACITY : DVD_PLUS_RW_CAPACITY;
    }

    boolean writeProtected() {
        return writeProtected;
    }

    boolean isFormatted() {
        return formatted > 0;
    }

    /** Writes the state file through a temporary file and an atomic rename (a crash leaves old or new). */
    private void saveState() throws IOException {
        String text = MAGIC + "\nprofile " + profile.label() + "\ncapacity " + maximum + "\nformatted " + formatted
                + "\nwrite-protected " + writeProtected + "\n";
        Path tmp = state.resolveSibling(state.getFileName() + ".new");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public EmulatedProfile profile() {
        return profile;
    }

    /** The formatted capacity; the maximum while unformatted. */
    @Override
    public long capacity() {
        return isFormatted() ? formatted : maximum;
    }

    /** Random-write media have no track being written: the buffer drains between any two WRITEs. */
    @Override
    public boolean writing() {
        return isFormatted();
    }

    /**
     * READ CAPACITY: the formatted capacity − 1; FFFFFFFFh on an unformatted disc (dvd+rw-mediainfo, which
     * prints last LBA + 1, shows "0*2048" for a blank DVD+RW) [unconfirmed beyond those listings].
     */
    @Override
    public byte[] readCapacity() {
        byte[] r = new byte[8];
        put32(r, 0, isFormatted() ? formatted - 1 : 0xFFFF_FFFFL);
        put32(r, 4, BLOCK);
        return r;
    }

    /**
     * READ DISC INFORMATION (MMC 6.22): erasable; one session holding track 1. Formatted: disc status 2
     * (complete), last session complete, background format status 3 (complete) on DVD+RW; unformatted:
     * blank, last session empty (the dvd+rw-mediainfo listings in the class comment show "Disc status:
     * complete" for formatted DVD+RW, not 3 "other"). Real drives show background format "suspended" (1)
     * after growisofs stopped de-icing; a quick format here is complete (3).
     */
    @Override
    public byte[] discInformation() {
        byte[] r = new byte[34];
        put16(r, 0, 32);
        r[2] = (byte) (0x10 | (isFormatted() ? 3 << 2 | 2 : 0));
        r[3] = 1;
        r[4] = 1;
        r[5] = 1;
        r[6] = 1;
        r[7] = (byte) (isFormatted() && profile == EmulatedProfile.DVD_PLUS_RW ? 3 : 0);
        put32(r, 20, capacity());
        return r;
    }

    /**
     * READ TRACK INFORMATION (MMC 6.27): the one track, number 1 (or FFh, or any LBA below the capacity, or
     * session 1), starting at 0 and spanning the capacity. Formatted: complete incremental, no NWA (NWA_V
     * 0, free blocks 0: overwritable media have no NWA, formats.md §6.7); unformatted: blank, no NWA, all
     * blocks free (the dvd+rw-mediainfo listings in the class comment).
     */
    @Override
    public byte[] trackInformation(int type, long number) {
        boolean exists = switch (type) {
            case 0 -> number >= 0 && number < capacity();
            case 1 -> number == 1 || number == 0xFF;
            case 2 -> number == 1;
            default -> false;
        };
        if (!exists) {
            return null;
        }
        byte[] r = new byte[48];
        put16(r, 0, 46);
        r[2] = 1;
        r[3] = 1;
        r[5] = 4; // data, recorded uninterrupted
        r[6] = (byte) ((isFormatted() ? 0x20 : 0x40) | 0x01); // packet/incremental ("complete incremental") or blank
        put32(r, 16, isFormatted() ? 0 : capacity());
        put32(r, 20, profile == EmulatedProfile.BD_RE ? 32 : 16); // blocking factor: the ECC block
        put32(r, 24, capacity());
        return r;
    }

    /** READ TOC formats 0 and 1: track 1 at 0, lead-out at the capacity; an unformatted disc has none (5/24/00). */
    @Override
    public ScsiResult toc(byte[] cdb, ByteBuffer data) {
        int format = cdb[2] & 0x0F;
        if (!isFormatted() || format > 1 || data == null || (format == 0 && (cdb[6] & 0xFF) > 1
                && (cdb[6] & 0xFF) != 0xAA)) {
            return check(5, 0x24, 0x00, data);
        }
        boolean msf = (cdb[1] & 0x02) != 0;
        byte[] r = new byte[format == 1 ? 12 : 20];
        put16(r, 0, r.length - 2);
        r[2] = 1;
        r[3] = 1;
        r[5] = 0x14;
        r[6] = 1;
        put32(r, 8, Wire.address(0, msf));
        if (format == 0) {
            r[13] = 0x17; // the lead-out's ADR/control as dvd+rw-mediainfo lists a DVD+RW's fabricated TOC
            r[14] = (byte) 0xAA;
            put32(r, 16, Wire.address(formatted, msf));
        }
        return reply(data, r);
    }

    /**
     * READ FORMAT CAPACITIES (MMC 6.24): the current descriptor (formatted capacity, type 10b; or the
     * maximum, type 01b unformatted), then the formats offered: DVD+RW 26h over the whole disc; BD-RE 00h
     * and 30h with the default spare areas, 31h without spares (formats.md §6.3).
     */
    @Override
    public byte[] formatCapacities() {
        long[][] offered = profile == EmulatedProfile.BD_RE
                ? new long[][] {{bdWithSpares(), 0x00 << 2}, {bdWithSpares(), 0x30 << 2}, {maximum, 0x31 << 2}}
                : new long[][] {{maximum, 0x26 << 2}};
        byte[] r = new byte[4 + 8 * (1 + offered.length)];
        r[3] = (byte) (r.length - 4);
        put32(r, 4, capacity());
        r[8] = (byte) (isFormatted() ? 0x02 : 0x01);
        put24(r, 9, BLOCK);
        for (int i = 0; i < offered.length; i++) {
            put32(r, 12 + 8 * i, offered[i][0]);
            r[16 + 8 * i] = (byte) offered[i][1];
        }
        return r;
    }

    /** BD-RE user blocks with the default spare areas, whole 32-block clusters. */
    private long bdWithSpares() {
        long spare = maximum * BD_SPARE_NUMERATOR / BD_SPARE_DENOMINATOR;
        return (maximum - spare) / 32 * 32;
    }

    @Override
    public ScsiResult refuseRead(long lba, long end, ByteBuffer data) {
        if (!isFormatted()) {
            return check(5, 0x30, 0x10, data);
        }
        return end > formatted ? check(5, 0x21, 0x00, data) : null;
    }

    /** Reads from the image; blocks past its end (never written) read as zeros. */
    @Override
    public void read(long lba, ByteBuffer dst) throws IOException {
        long pos = lba * BLOCK;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                while (dst.hasRemaining()) {
                    dst.put((byte) 0);
                }
                return;
            }
            pos += n;
        }
    }

    /**
     * Any LBA inside the formatted capacity; past it 5/21/00 (SBC: LBA out of range). A write not aligned
     * to the ECC block (16 blocks on DVD+RW, 32 on BD-RE) is accepted: the drive reads, modifies and writes
     * the ECC block itself (MMC: the host addresses 2048-byte blocks on overwritable media).
     */
    @Override
    public ScsiResult refuseWrite(long lba, long blocks, ByteBuffer data) {
        if (!isFormatted()) {
            return check(5, 0x30, 0x10, data);
        }
        return lba + blocks > formatted ? check(5, 0x21, 0x00, data) : null;
    }

    @Override
    public void write(long lba, ByteBuffer src) throws IOException {
        long pos = lba * BLOCK;
        while (src.hasRemaining()) {
            pos += channel.write(src, pos);
        }
    }

    /** Written blocks are on the disc: nothing to lose. */
    @Override
    public void powerLost() {
    }

    /**
     * CLOSE TRACK/SESSION: 000b (DVD+RW: stop background formatting), 001b and 010b (DVD+RW: write the
     * lead-out) are accepted and change nothing (formats.md §6.4: "harmless on others"); others 5/24/00.
     */
    @Override
    public ScsiResult closeTrackSession(int function, boolean appendable, ByteBuffer data) {
        return function <= 2 ? good(0) : check(5, 0x24, 0x00, data);
    }

    /**
     * FORMAT UNIT (MMC 6.5) with the 12-byte list of formats.md §6.3: descriptor length 8, then blocks and
     * format type. DVD+RW: type 26h, blocks FFFFFFFFh or up to the maximum, formats the whole disc; BD-RE:
     * 00h/30h up to the capacity with spares, 31h up to the maximum (FFFFFFFFh = the offered size), in whole
     * 32-block clusters. Anything else is 5/26/00 "invalid field in parameter list".
     */
    @Override
    public ScsiResult format(byte[] list, ByteBuffer data) throws IOException {
        if (list.length < 12 || Wire.u16(list, 2) != 8) {
            return check(5, 0x26, 0x00, data);
        }
        long blocks = Wire.u32(list, 4);
        int type = (list[8] & 0xFF) >>> 2;
        long offered;
        if (profile == EmulatedProfile.DVD_PLUS_RW) {
            offered = type == 0x26 ? maximum : -1;
        } else {
            offered = type == 0x00 || type == 0x30 ? bdWithSpares() : type == 0x31 ? maximum : -1;
        }
        boolean whole = blocks == 0xFFFF_FFFFL || profile == EmulatedProfile.DVD_PLUS_RW;
        long size = whole ? offered : blocks / 32 * 32;
        boolean badCount = blocks != 0xFFFF_FFFFL && (blocks == 0 || blocks > offered);
        if (offered < 0 || size <= 0 || size > offered || badCount) {
            return check(5, 0x26, 0x00, data);
        }
        formatted = size;
        saveState();
        return good(0);
    }

    /** RESERVE TRACK: random-write media have no tracks to reserve: 5/24/00 [unconfirmed: not measured]. */
    @Override
    public ScsiResult reserveTrack(long blocks, ByteBuffer data) {
        return check(5, 0x24, 0x00, data);
    }

    /** BLANK is for CD-RW and DVD-RW: 5/30/05 [unconfirmed: not measured]. */
    @Override
    public ScsiResult blank(int type, ByteBuffer data) {
        return check(5, 0x30, 0x05, data);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return profile.label() + " " + image;
    }
}
