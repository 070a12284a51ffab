package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.Wire.BLOCK;
import static org.discimage.recorder.emulated.Wire.ascii;
import static org.discimage.recorder.emulated.Wire.check;
import static org.discimage.recorder.emulated.Wire.good;
import static org.discimage.recorder.emulated.Wire.put16;
import static org.discimage.recorder.emulated.Wire.put32;
import static org.discimage.recorder.emulated.Wire.reply;
import static org.discimage.recorder.emulated.Wire.u16;
import static org.discimage.recorder.emulated.Wire.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * An MMC recorder emulated behind the {@link ScsiTransport} SPI. It holds a write-once or blankable disc
 * (CD-R/RW TAO, DVD-R/RW sequential, DVD+R, BD-R SRM) modelled by a {@link SequentialImageMedium} (the image
 * file plus its sidecar TOC) or a random-write disc (DVD+RW, BD-RE: the flat image plus a sidecar state
 * file), so the disc outlives the process, a new drive on the same file sees the same disc, and the image
 * file is the flat image other readers can open.
 *
 * <p>It decodes the CDB and answers TEST UNIT READY, INQUIRY, GET CONFIGURATION, READ CAPACITY,
 * READ(10)/(12), READ DISC INFORMATION, READ TRACK INFORMATION, READ TOC/PMA/ATIP formats 0 and 1, READ
 * FORMAT CAPACITIES, WRITE(10)/(12), SYNCHRONIZE CACHE, CLOSE TRACK/SESSION, FORMAT UNIT, BLANK, MODE
 * SENSE/SELECT(10) of the write parameters page 05h (MODE SENSE also of the capabilities page 2Ah), SET CD
 * SPEED, SET STREAMING, GET PERFORMANCE, READ BUFFER CAPACITY, RESERVE TRACK, START STOP UNIT and PREVENT
 * ALLOW MEDIUM REMOVAL. Errors are CHECK CONDITION with fixed format sense (SPC, formats.md §6.3), the
 * triples those of formats.md §6.8:
 * <ul>
 * <li>no medium: 2/3A/00 to every command that needs the medium (INQUIRY, GET CONFIGURATION, MODE SENSE,
 * READ BUFFER CAPACITY and the tray commands still answer, GET CONFIGURATION with current profile 0);
 * tray open (START STOP UNIT eject): 2/3A/02; the first medium command after loading: 6/28/00;</li>
 * <li>write-protected medium: 7/27/00 to WRITE, CLOSE TRACK/SESSION, FORMAT UNIT, BLANK and RESERVE
 * TRACK;</li>
 * <li>eject while PREVENT ALLOW MEDIUM REMOVAL prevents it: 5/53/02 "medium removal prevented";</li>
 * <li>the medium's own refusals (wrong NWA, past the capacity, not formatted): see {@link WriteOnceDisc}
 * and {@link RewritableDisc};</li>
 * <li>unknown opcode 5/20/00, bad CDB field 5/24/00, bad parameter list 5/26/00.</li>
 * </ul>
 * Injected faults: a medium error at an LBA ({@link #injectMediumError}, {@link #injectSeededMediumError}) and
 * a power loss mid-track ({@link #injectPowerLoss}); a simulated write speed and buffer counting underruns
 * ({@link #simulateRecording}), the speed following SET CD SPEED / SET STREAMING.
 *
 * <p>Not thread-safe, as every transport.
 */
public final class EmulatedDrive implements ScsiTransport {
    /** Drive buffer reported when no recording is simulated: 2 MiB on CD/DVD drives, 4 MiB on BD [model]. */
    private static final long DEFAULT_BUFFER = 2L << 20;

    private final Path image;
    private final EmulatedProfile profile;
    private final Disc disc;
    private final boolean writeProtected;
    private final Faults faults;
    private final DriveBuffer buffer;
    private final WriteParameters writeParameters;
    private long writeSpeed;
    private boolean open = true;
    private boolean trayOpen;
    private boolean removalPrevented;
    /** A medium was loaded: the next medium command answers 6/28/00 once (MMC: not ready to ready change). */
    private boolean mediumChanged;

    private EmulatedDrive(Path image, EmulatedProfile profile, Disc disc, boolean writeProtected) {
        this.image = image;
        this.profile = profile;
        this.disc = disc;
        this.writeProtected = writeProtected;
        this.faults = new Faults(device(profile, image));
        this.buffer = new DriveBuffer(profile.family() == EmulatedProfile.Family.BD ? 2 * DEFAULT_BUFFER
                : DEFAULT_BUFFER);
        this.writeParameters = new WriteParameters(profile);
        this.writeSpeed = profile.writeSpeeds()[0];
    }

    /**
     * A drive holding the disc {@code image} (created blank with the profile's nominal capacity when
     * neither it nor its TOC exists).
     *
     * @throws DiscImageException as {@link SequentialImageMedium#open(Path, SequentialImageMedium.Profile)}
     */
    public static EmulatedDrive load(Path image, SequentialImageMedium.Profile profile) throws IOException {
        return load(image, profile, profile.capacity(), false);
    }

    /**
     * A drive holding the disc {@code image} of {@code capacitySectors} blocks (used for a blank only);
     * {@code writeProtected} makes the disc refuse writes with 7/27/00.
     */
    public static EmulatedDrive load(Path image, SequentialImageMedium.Profile profile, long capacitySectors,
            boolean writeProtected) throws IOException {
        return open(image, EmulatedProfile.of(Objects.requireNonNull(profile, "profile")), capacitySectors,
                writeProtected);
    }

    /**
     * A drive holding the disc {@code image} of the medium named {@code profileName} (cdr, cdrw, dvdr, dvdrw,
     * dvdplusr, dvdplusrw, bdr, bdre or the MMC names such as "CD-R", "DVD+RW", "BD-RE", case-insensitive),
     * a blank disc of the nominal capacity when the file does not exist.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     * @throws DiscImageException       when the file is not a disc of that kind
     */
    public static EmulatedDrive open(Path image, String profileName) throws IOException {
        EmulatedProfile p = EmulatedProfile.parse(Objects.requireNonNull(profileName, "profileName"));
        return open(image, p, p.randomWritable() ? RewritableDisc.nominalCapacity(p) : p.sequential().capacity(),
                false);
    }

    /**
     * A drive holding the disc {@code image} of {@code profile}; {@code capacitySectors} sizes a new blank
     * disc (for DVD+RW/BD-RE the largest capacity FORMAT UNIT offers); {@code writeProtected} makes the disc
     * refuse writes with 7/27/00 (persisted for DVD+RW/BD-RE).
     */
    public static EmulatedDrive open(Path image, EmulatedProfile profile, long capacitySectors,
            boolean writeProtected) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(profile, "profile");
        if (profile.randomWritable()) {
            RewritableDisc d = RewritableDisc.open(image, profile, capacitySectors, writeProtected);
            return new EmulatedDrive(image, profile, d, d.writeProtected());
        }
        SequentialImageMedium m = SequentialImageMedium.open(image, profile.sequential(), capacitySectors);
        return new EmulatedDrive(image, profile, new WriteOnceDisc(image, profile, m), writeProtected);
    }

    /** A drive of {@code profile}'s kind with an empty tray: medium commands answer 2/3A/00. */
    public static EmulatedDrive empty(SequentialImageMedium.Profile profile) {
        return empty(EmulatedProfile.of(Objects.requireNonNull(profile, "profile")));
    }

    /** A drive of {@code profile}'s kind with an empty tray: medium commands answer 2/3A/00. */
    public static EmulatedDrive empty(EmulatedProfile profile) {
        return new EmulatedDrive(null, Objects.requireNonNull(profile, "profile"), null, false);
    }

    /**
     * Injects a medium error at {@code lba}: a READ covering it answers 3/11/00 "unrecovered read error", a
     * WRITE covering it 3/0C/00 "write error" and writes nothing (formats.md §6.8: fatal for the session).
     * Faults live in this drive object only; the disc file is unaffected.
     */
    public void injectMediumError(long lba) {
        if (lba < 0) {
            throw new IllegalArgumentException("LBA " + lba);
        }
        faults.mediumError(lba);
    }

    /**
     * Injects a medium error at an LBA drawn from {@code seed} in [{@code from}, {@code to}): the same seed
     * gives the same LBA on every run (SplittableRandom is specified to be deterministic for a seed).
     *
     * @return the LBA chosen
     */
    public long injectSeededMediumError(long seed, long from, long to) {
        long lba = new SplittableRandom(seed).nextLong(from, to);
        injectMediumError(lba);
        return lba;
    }

    /**
     * Injects a power loss mid-track: the drive writes {@code blocks} more blocks, then the WRITE that
     * reaches past them has written only those and the drive is gone: it and every later command fail with
     * {@link ErrorCode#RECORDER_TRANSPORT_FAILURE}, as the OS reports a vanished device. On a sequential disc
     * the open session is never closed, so the disc keeps the state of its last CLOSE SESSION (the TOC file
     * is not touched); on DVD+RW/BD-RE the blocks written stay written.
     */
    public void injectPowerLoss(long blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("blocks " + blocks);
        }
        faults.powerLossAfter(blocks);
    }

    /**
     * Simulates recording at {@code bytesPerSecond} through a drive buffer of {@code bufferBytes}, time read
     * from {@code clock} (a fixed or stepped clock keeps it deterministic). The buffer drains at the write
     * speed while a track is being written; a WRITE that does not fit answers 2/04/08 "long write in
     * progress", which tells the host to re-send it after a pause (formats.md §6.8, growisofs' reaction); a
     * WRITE arriving after the buffer ran dry mid-track counts as a buffer underrun (a drive with BURN-Proof
     * and the like resumes; {@link #underruns()} counts them). SYNCHRONIZE CACHE and CLOSE TRACK/SESSION
     * flush the buffer. A later SET CD SPEED or SET STREAMING changes the speed to the one selected.
     */
    public void simulateRecording(Clock clock, long bytesPerSecond, long bufferBytes) {
        if (bytesPerSecond <= 0 || bufferBytes < BLOCK) {
            throw new IllegalArgumentException("speed " + bytesPerSecond + " B/s, buffer " + bufferBytes + " bytes");
        }
        buffer.simulate(clock, bytesPerSecond, bufferBytes);
    }

    /** Buffer underruns counted by the simulated recording since {@link #simulateRecording}. */
    public long underruns() {
        return buffer.underruns();
    }

    /** Bytes in the simulated drive buffer as of the last command. */
    public long bufferFill() {
        return buffer.fill();
    }

    /**
     * The least fill the simulated buffer had at a command's arrival since it was first full (a host that
     * keeps the drive busy keeps this well above 0; 0 means it ran empty); -1 before the buffer was full.
     */
    public long minimumBufferFill() {
        return buffer.minimumFill();
    }

    /** The write speed selected (SET CD SPEED / SET STREAMING, snapped to an offered one), bytes per second. */
    public long writeSpeed() {
        return writeSpeed;
    }

    /** The medium kind of this drive. */
    public EmulatedProfile profile() {
        return profile;
    }

    /**
     * The write-once or blankable disc in the drive, or {@code null} with an empty tray or a DVD+RW/BD-RE (whose
     * image file is its flat image) (for tests and dumps).
     */
    public SequentialImageMedium medium() {
        return disc instanceof WriteOnceDisc w ? w.medium() : null;
    }

    @Override
    public String device() {
        return device(profile, image);
    }

    private static String device(EmulatedProfile profile, Path image) {
        return "emulated:" + profile.label() + (image != null ? ":" + image : ":empty");
    }

    /**
     * Closes the disc file. A session written but not closed is not recorded, as on a real disc
     * ejected before CLOSE SESSION (the next drive sees the previous state).
     */
    @Override
    public void close() throws DiscImageException {
        if (!open) {
            return;
        }
        open = false;
        if (disc != null) {
            try {
                disc.close();
            } catch (IOException e) {
                throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "closing the emulated disc "
                        + image + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout)
            throws DiscImageException {
        ScsiTransport.checkArguments(cdb, direction, data, timeout);
        if (!open) {
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, device() + " is closed");
        }
        if (faults.powerLost()) {
            throw faults.powerLoss();
        }
        int op = cdb[0] & 0xFF;
        try {
            ScsiResult r = driveCommand(op, cdb, direction, data);
            if (r != null) {
                return r;
            }
            if (disc == null || trayOpen) {
                return check(2, 0x3A, trayOpen ? 0x02 : 0x00, data); // medium not present (tray open)
            }
            if (mediumChanged) {
                mediumChanged = false;
                return check(6, 0x28, 0x00, data); // not ready to ready change, medium may have changed
            }
            return mediumCommand(op, cdb, direction, data);
        } catch (IOException e) {
            if (e instanceof DiscImageException d) {
                throw d;
            }
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, device() + ": opcode "
                    + String.format("%02Xh", op) + " failed on the image file: " + e.getMessage(), e);
        }
    }

    /** The commands a drive answers without a medium; {@code null} for the others. */
    private ScsiResult driveCommand(int op, byte[] cdb, DataDirection direction, ByteBuffer data) {
        switch (op) {
            case 0x12: // INQUIRY, SPC
                return reply(data, inquiry());
            case 0x46: // GET CONFIGURATION, MMC (formats.md §6.1)
                return reply(data, configuration(u16(cdb, 2)));
            case 0x1B: // START STOP UNIT
                return startStop(cdb, data);
            case 0x1E: // PREVENT ALLOW MEDIUM REMOVAL: [4] bit0 Prevent (bit1 persistent prevent not modelled)
                removalPrevented = (cdb[4] & 1) != 0;
                return good(0);
            case 0x5A: // MODE SENSE(10)
                return modeSense(cdb, data);
            case 0x5C: // READ BUFFER CAPACITY
                return bufferCapacity(cdb, data);
            default:
                return null;
        }
    }

    private ScsiResult mediumCommand(int op, byte[] cdb, DataDirection direction, ByteBuffer data)
            throws IOException {
        switch (op) {
            case 0x00: // TEST UNIT READY
                return good(0);
            case 0x25: // READ CAPACITY
                return reply(data, disc.readCapacity());
            case 0x28: // READ(10)
                return read(u32(cdb, 2), u16(cdb, 7), data);
            case 0xA8: // READ(12)
                return read(u32(cdb, 2), u32(cdb, 6), data);
            case 0x51: // READ DISC INFORMATION
                return reply(data, disc.discInformation());
            case 0x52: // READ TRACK INFORMATION
                byte[] ti = disc.trackInformation(cdb[1] & 3, u32(cdb, 2));
                return ti == null ? check(5, 0x24, 0x00, data) : reply(data, ti);
            case 0x43: // READ TOC/PMA/ATIP
                return disc.toc(cdb, data);
            case 0x23: // READ FORMAT CAPACITIES
                return reply(data, disc.formatCapacities());
            case 0x2A: // WRITE(10)
                return write(u32(cdb, 2), u16(cdb, 7), direction, data);
            case 0xAA: // WRITE(12)
                return write(u32(cdb, 2), u32(cdb, 6), direction, data);
            case 0x35: // SYNCHRONIZE CACHE: writes go straight to the file; the simulated buffer empties
                buffer.flush();
                return good(0);
            default:
                return recordingCommand(op, cdb, direction, data);
        }
    }

    private ScsiResult recordingCommand(int op, byte[] cdb, DataDirection direction, ByteBuffer data)
            throws IOException {
        switch (op) {
            case 0x5B: // CLOSE TRACK/SESSION
                if (writeProtected) {
                    return check(7, 0x27, 0x00, data);
                }
                buffer.flush();
                return disc.closeTrackSession(cdb[2] & 7, writeParameters.appendable(), data);
            case 0x04: // FORMAT UNIT
                return format(cdb, direction, data);
            case 0x53: // RESERVE TRACK: [1] bit0 ARSV (the address form is not modelled), [5..8] size
                if (writeProtected) {
                    return check(7, 0x27, 0x00, data);
                }
                if ((cdb[1] & 1) != 0) {
                    return check(5, 0x24, 0x00, data);
                }
                return disc.reserveTrack(u32(cdb, 5), data);
            case 0xA1: // BLANK: [1] bits2-0 blanking type
                return writeProtected ? check(7, 0x27, 0x00, data) : disc.blank(cdb[1] & 7, data);
            case 0x55: // MODE SELECT(10)
                byte[] list = parameterList(u16(cdb, 7), direction, data);
                if (list == null || (cdb[1] & 0x10) == 0) {
                    return check(5, 0x24, 0x00, data); // PF must be set; the list must be sent
                }
                return writeParameters.select(profile, list) ? good(0) : check(5, 0x26, 0x00, data);
            case 0xBB: // SET CD SPEED: [4..5] write speed in kB/s (FFFFh: the fastest)
                int kb = u16(cdb, 4);
                selectSpeed(kb == 0xFFFF ? profile.writeSpeeds()[0] : profile.snapSpeed(kb * 1000L));
                return good(0);
            case 0xB6: // SET STREAMING
                return setStreaming(cdb, direction, data);
            case 0xAC: // GET PERFORMANCE
                return performance(cdb, data);
            default:
                return check(5, 0x20, 0x00, data); // invalid command operation code
        }
    }

    // ---- tray, mode pages, speeds, buffer -----------------------------------------------------------

    /**
     * START STOP UNIT (MMC 6.39; [4] bit1 LoEj, bit0 Start): eject opens the tray (then medium commands
     * answer 2/3A/02 "medium not present - tray open"), refused with 5/53/02 "medium removal prevented"
     * while PREVENT ALLOW MEDIUM REMOVAL prevents it; load closes it, the medium answering 6/28/00 once.
     * Ejecting drops a track being written and not closed, as {@link #close()} does. Start/stop without LoEj
     * only spins the disc: accepted.
     */
    private ScsiResult startStop(byte[] cdb, ByteBuffer data) {
        boolean loadEject = (cdb[4] & 2) != 0;
        boolean start = (cdb[4] & 1) != 0;
        if (!loadEject) {
            return good(0);
        }
        if (!start) {
            if (removalPrevented) {
                return check(5, 0x53, 0x02, data);
            }
            if (!trayOpen && disc != null) {
                disc.powerLost(); // an unclosed track does not reach the TOC
                buffer.flush();
            }
            trayOpen = true;
            return good(0);
        }
        if (trayOpen) {
            trayOpen = false;
            mediumChanged = disc != null;
        }
        return good(0);
    }

    /**
     * MODE SENSE(10) of page 05h (current, default, saved or changeable values) and page 2Ah (capabilities,
     * current values only: {@link CapabilitiesPage}); other pages 5/24/00.
     */
    private ScsiResult modeSense(byte[] cdb, ByteBuffer data) {
        int page = cdb[2] & 0x3F;
        int control = (cdb[2] & 0xC0) >>> 6;
        if (page == CapabilitiesPage.PAGE_CODE && control != 1) {
            return reply(data, CapabilitiesPage.sense(profile, buffer.capacity(), removalPrevented, writeSpeed));
        }
        if (page != 0x05) {
            return check(5, 0x24, 0x00, data);
        }
        return reply(data, writeParameters.sense(control == 1));
    }

    /** The parameter list sent with a command of {@code length} bytes, or {@code null} when not sent. */
    private static byte[] parameterList(int length, DataDirection direction, ByteBuffer data) {
        if (direction != DataDirection.TO_DEVICE || data == null || data.remaining() < length) {
            return null;
        }
        byte[] list = new byte[length];
        data.get(list);
        return list;
    }

    /**
     * SET STREAMING (MMC 6.47) with the 28-byte performance descriptor (formats.md §6.3): CDB [8] type 0;
     * the write speed is write size (kB) per write time (ms), snapped to an offered speed; RDD restores the
     * default (the fastest). An end LBA before the start or a write time 0 is 5/26/00.
     */
    private ScsiResult setStreaming(byte[] cdb, DataDirection direction, ByteBuffer data) {
        byte[] list = parameterList(u16(cdb, 9), direction, data);
        if (cdb[8] != 0 || list == null || list.length < 28) {
            return check(5, 0x24, 0x00, data);
        }
        if ((list[0] & 0x04) != 0) {
            selectSpeed(profile.writeSpeeds()[0]);
            return good(0);
        }
        long size = u32(list, 20);
        long time = u32(list, 24);
        if (time == 0 || u32(list, 8) < u32(list, 4)) {
            return check(5, 0x26, 0x00, data);
        }
        selectSpeed(profile.snapSpeed(size * 1000 * 1000 / time));
        return good(0);
    }

    private void selectSpeed(long bytesPerSecond) {
        writeSpeed = bytesPerSecond;
        buffer.speed(bytesPerSecond, disc != null && disc.writing());
    }

    /**
     * GET PERFORMANCE (MMC 6.8): type 03h, the write speed descriptors (fastest first, end LBA the last
     * block, read and write speed in kB/s of 1000 bytes), at most [8..9] of them; type 00h, one nominal
     * performance descriptor over the disc at the selected speed. Other types 5/24/00.
     */
    private ScsiResult performance(byte[] cdb, ByteBuffer data) {
        int type = cdb[10] & 0xFF;
        int max = u16(cdb, 8);
        long last = Math.max(0, disc.capacity() - 1);
        long[] speeds = type == 0x03 ? profile.writeSpeeds() : type == 0x00 ? new long[] {writeSpeed} : null;
        if (speeds == null) {
            return check(5, 0x24, 0x00, data);
        }
        int n = Math.min(max, speeds.length);
        byte[] r = new byte[8 + 16 * n];
        put32(r, 0, r.length - 4);
        for (int i = 0; i < n; i++) {
            int off = 8 + 16 * i;
            long kb = speeds[i] / 1000;
            if (type == 0x03) {
                put32(r, off + 4, last);
                put32(r, off + 8, kb);
                put32(r, off + 12, kb);
            } else {
                put32(r, off + 4, kb);
                put32(r, off + 8, last);
                put32(r, off + 12, kb);
            }
        }
        return reply(data, r);
    }

    /**
     * READ BUFFER CAPACITY (formats.md §6.2, [1] bit0 Block = 0): [4..7] the buffer size, [8..11] its free
     * bytes as the simulated recording leaves them now (all free when not simulated). The block form
     * (Block = 1) is not modelled: 5/24/00.
     */
    private ScsiResult bufferCapacity(byte[] cdb, ByteBuffer data) {
        if ((cdb[1] & 1) != 0) {
            return check(5, 0x24, 0x00, data);
        }
        buffer.observe(disc != null && disc.writing());
        byte[] r = new byte[12];
        put16(r, 0, 10);
        put32(r, 4, buffer.capacity());
        put32(r, 8, buffer.capacity() - buffer.fill());
        return reply(data, r);
    }

    // ---- replies -----------------------------------------------------------------------------------

    /** Standard INQUIRY data, 36 bytes (SPC): MMC device type 05h, removable. */
    private byte[] inquiry() {
        byte[] r = new byte[36];
        r[0] = 0x05;
        r[1] = (byte) 0x80;
        r[2] = 0x05; // SPC-3
        r[3] = 0x02; // response data format 2
        r[4] = 31;
        ascii(r, 8, 8, "DISCIMG");
        ascii(r, 16, 16, "EMULATED " + profile.label());
        ascii(r, 32, 4, "0001");
        return r;
    }

    /**
     * GET CONFIGURATION: the feature header with the current profile (0 with no medium or the tray open)
     * and, when feature 0000h is asked for (starting feature 0), the Profile List feature naming every
     * profile this drive can hold, the loaded one flagged current (MMC 5.3.1).
     */
    private byte[] configuration(int startingFeature) {
        EmulatedProfile[] all = EmulatedProfile.values();
        boolean loaded = disc != null && !trayOpen;
        int features = startingFeature == 0 ? 4 + 4 * all.length : 0;
        byte[] r = new byte[8 + features];
        put32(r, 0, r.length - 4);
        put16(r, 6, loaded ? profile.mmcProfile() : 0);
        if (features > 0) {
            r[8 + 2] = 0x03; // version 0, persistent, current
            r[8 + 3] = (byte) (4 * all.length);
            for (int i = 0; i < all.length; i++) {
                put16(r, 12 + 4 * i, all[i].mmcProfile());
                r[12 + 4 * i + 2] = (byte) (loaded && all[i] == profile ? 1 : 0);
            }
        }
        return r;
    }

    // ---- data --------------------------------------------------------------------------------------

    /** READ(10)/(12): what the disc lets be read, but 3/11/00 on an injected medium error. */
    private ScsiResult read(long lba, long blocks, ByteBuffer data) throws IOException {
        if (blocks == 0) {
            return good(0);
        }
        if (data == null || data.remaining() < blocks * BLOCK) {
            return check(5, 0x24, 0x00, data); // the transfer length does not match the buffer
        }
        ScsiResult refused = disc.refuseRead(lba, lba + blocks, data);
        if (refused != null) {
            return refused;
        }
        if (faults.hitsMediumError(lba, lba + blocks)) {
            return check(3, 0x11, 0x00, data);
        }
        ByteBuffer dst = data.duplicate();
        dst.limit(dst.position() + (int) (blocks * BLOCK));
        disc.read(lba, dst);
        data.position(dst.position());
        return good(data.remaining());
    }

    /**
     * WRITE(10)/(12) of whole blocks where the disc allows it: 7/27/00 when write-protected, 3/0C/00 on an
     * injected medium error (nothing written), 2/04/08 when the simulated buffer is full.
     */
    private ScsiResult write(long lba, long blocks, DataDirection direction, ByteBuffer data) throws IOException {
        if (writeProtected) {
            return check(7, 0x27, 0x00, data);
        }
        if (blocks == 0) {
            return good(0);
        }
        if (direction != DataDirection.TO_DEVICE || data == null || data.remaining() < blocks * BLOCK) {
            return check(5, 0x24, 0x00, data);
        }
        ScsiResult refused = disc.refuseWrite(lba, blocks, data);
        if (refused != null) {
            return refused;
        }
        if (faults.hitsMediumError(lba, lba + blocks)) {
            return check(3, 0x0C, 0x00, data);
        }
        if (!buffer.offer(blocks * BLOCK, disc.writing())) {
            return check(2, 0x04, 0x08, data); // long write in progress: buffer full, re-send later
        }
        long taken = faults.writable(blocks);
        ByteBuffer src = data.duplicate();
        src.limit(src.position() + (int) (taken * BLOCK));
        disc.write(lba, src);
        data.position(src.position());
        if (faults.wrote(taken, blocks)) {
            disc.powerLost();
            throw faults.powerLoss();
        }
        return good(data.remaining());
    }

    /**
     * FORMAT UNIT (formats.md §6.2): CDB [1] must be 11h (FmtData, format code 001b) with the 12-byte list;
     * the disc decides what it accepts (sequential media: 5/30/06).
     */
    private ScsiResult format(byte[] cdb, DataDirection direction, ByteBuffer data) throws IOException {
        if (writeProtected) {
            return check(7, 0x27, 0x00, data);
        }
        byte[] list = parameterList(data == null ? 0 : data.remaining(), direction, data);
        if ((cdb[1] & 0x17) != 0x11 || list == null || list.length < 12) {
            return check(5, 0x24, 0x00, data);
        }
        return disc.format(list, data);
    }
}
