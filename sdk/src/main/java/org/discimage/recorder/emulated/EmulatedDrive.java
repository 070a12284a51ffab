package org.discimage.recorder.emulated;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium;
import org.discimage.media.SequentialImageMedium.Track;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * An MMC recorder emulated behind the {@link ScsiTransport} SPI, holding a write-once disc (CD-R TAO,
 * DVD-R, DVD+R, BD-R SRM) modelled by a {@link SequentialImageMedium}: the disc is the image file plus
 * its sidecar TOC, so it outlives the process and a new drive on the same file sees the same disc, and
 * the image file is the flat image other readers can open.
 *
 * <p>It decodes the CDB and answers TEST UNIT READY, INQUIRY, GET CONFIGURATION, READ CAPACITY,
 * READ(10)/(12), READ DISC INFORMATION, READ TRACK INFORMATION, READ TOC/PMA/ATIP formats 0 and 1,
 * WRITE(10)/(12), SYNCHRONIZE CACHE and CLOSE TRACK/SESSION. Errors are CHECK CONDITION with fixed
 * format sense (SPC, formats.md §6.3), the triples those of formats.md §6.8:
 * <ul>
 * <li>empty tray: 2/3A/00 to every command that needs the medium (INQUIRY and GET CONFIGURATION still
 * answer, the latter with current profile 0);</li>
 * <li>WRITE away from the NWA: 5/21/02 "invalid address for write" (the driver re-reads the NWA);</li>
 * <li>WRITE on a closed (complete) disc: 5/21/02 as well, because a complete disc has no invisible track
 * and hence no NWA (READ TRACK INFORMATION reports NWA_V = 0), so every write address is invalid;
 * 7/27/00 is kept for a write-protected disc, which is another condition to the host (IMAPI2
 * E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED) [unconfirmed: formats.md §6.8 does not say what a real drive
 * answers on a finalized disc; not measured];</li>
 * <li>WRITE at the NWA running past the capacity: 5/63/00 "end of user area encountered on this track",
 * the "medium full" row of formats.md §6.8 (5/21/00 would tell the driver its address was wrong, but
 * the address was the NWA);</li>
 * <li>write-protected medium: 7/27/00 to WRITE and CLOSE TRACK/SESSION;</li>
 * <li>READ of an unrecorded block: 5/21/00 "logical block address out of range" past the last
 * recorded address that READ CAPACITY reports (SBC: an LBA beyond the capacity), 3/11/00 "unrecovered
 * read error" inside the unwritable gap a closed session left (lead-out/lead-in/pre-gap hold no user
 * data) [unconfirmed: what a real drive answers there was not measured];</li>
 * <li>unknown opcode 5/20/00, bad CDB field 5/24/00, CLOSE SESSION with nothing written 5/2C/00.</li>
 * </ul>
 * Injected faults: a medium error at an LBA ({@link #injectMediumError}, {@link #injectSeededMediumError}) and
 * a power loss mid-track ({@link #injectPowerLoss}); a simulated write speed and buffer counting underruns
 * ({@link #simulateRecording}).
 *
 * <p>Not thread-safe, as every transport. One session holds one track (TAO/incremental, as
 * {@link SequentialImageMedium} models it), so CLOSE TRACK alone leaves the session open and CLOSE
 * SESSION records it.
 */
public final class EmulatedDrive implements ScsiTransport {
    private static final int BLOCK = 2048;
    private static final Duration TOOK = Duration.ZERO;
    /** Track mode 4 (data, recorded uninterrupted) and data mode 1 of READ TRACK INFORMATION [5]/[6]. */
    private static final int TRACK_MODE_DATA = 4;
    private static final int DATA_MODE_1 = 1;
    /** ADR 1 (Q sub-channel position) and control 4 (data track) of a TOC descriptor. */
    private static final int ADR_CONTROL_DATA = 0x14;

    private final Path image;
    private final SequentialImageMedium.Profile profile;
    private final SequentialImageMedium medium;
    private final boolean writeProtected;
    private SequentialImageMedium.SessionWriter writer;
    private boolean open = true;
    /** Blocks that fail to read (3/11/00) and to write (3/0C/00): injected faults, not persisted. */
    private final NavigableSet<Long> mediumErrors = new TreeSet<>();
    /** Blocks the drive still writes before it loses power; -1 without that fault. */
    private long powerLossAfter = -1;
    private boolean powerLost;
    /** The simulated recording: clock, speed and buffer; {@code null} clock when not simulated. */
    private Clock clock;
    private long bytesPerSecond;
    private long bufferBytes;
    private long bufferFill;
    private Instant lastFill;
    private long underruns;

    private EmulatedDrive(Path image, SequentialImageMedium.Profile profile, SequentialImageMedium medium,
            boolean writeProtected) {
        this.image = image;
        this.profile = profile;
        this.medium = medium;
        this.writeProtected = writeProtected;
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
        Objects.requireNonNull(profile, "profile");
        return new EmulatedDrive(image, profile, SequentialImageMedium.open(image, profile, capacitySectors),
                writeProtected);
    }

    /** A drive of {@code profile}'s kind with an empty tray: medium commands answer 2/3A/00. */
    public static EmulatedDrive empty(SequentialImageMedium.Profile profile) {
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
        mediumErrors.add(lba);
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
     * {@link ErrorCode#RECORDER_TRANSPORT_FAILURE}, as the OS reports a vanished device. The open session is
     * never closed, so the disc keeps the state of its last CLOSE SESSION (the TOC file is not touched).
     */
    public void injectPowerLoss(long blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("blocks " + blocks);
        }
        powerLossAfter = blocks;
    }

    /**
     * Simulates recording at {@code bytesPerSecond} through a drive buffer of {@code bufferBytes}, time read
     * from {@code clock} (a fixed or stepped clock keeps it deterministic). The buffer drains at the write speed
     * between commands; a WRITE that does not fit answers 2/04/08 "long write in progress", which tells the host
     * to re-send it after a pause (formats.md §6.8, growisofs' reaction); a WRITE arriving after the buffer ran
     * dry while a session is being written counts as a buffer underrun (a drive with BURN-Proof and the like
     * resumes; {@link #underruns()} counts them). SYNCHRONIZE CACHE and CLOSE TRACK/SESSION flush the buffer.
     */
    public void simulateRecording(Clock clock, long bytesPerSecond, long bufferBytes) {
        if (bytesPerSecond <= 0 || bufferBytes < BLOCK) {
            throw new IllegalArgumentException("speed " + bytesPerSecond + " B/s, buffer " + bufferBytes + " bytes");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bytesPerSecond = bytesPerSecond;
        this.bufferBytes = bufferBytes;
        this.bufferFill = 0;
        this.lastFill = clock.instant();
    }

    /** Buffer underruns counted by the simulated recording since {@link #simulateRecording}. */
    public long underruns() {
        return underruns;
    }

    /** Bytes in the simulated drive buffer as of the last command. */
    public long bufferFill() {
        return bufferFill;
    }

    /**
     * Drains the simulated buffer by the bytes written since the last command; counts an underrun when it ran
     * dry while the session was being written.
     */
    private void drain() {
        Instant now = clock.instant();
        long micros = Math.max(0, Duration.between(lastFill, now).toNanos() / 1000);
        long drained = micros >= Long.MAX_VALUE / bytesPerSecond ? Long.MAX_VALUE
                : micros * bytesPerSecond / 1_000_000;
        if (bufferFill > 0 && drained > bufferFill && writing()) {
            underruns++;
        }
        bufferFill = Math.max(0, bufferFill - drained);
        lastFill = now;
    }

    /** The disc in the drive, or {@code null} with an empty tray (for tests and dumps). */
    public SequentialImageMedium medium() {
        return medium;
    }

    @Override
    public String device() {
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
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (medium != null) {
            try {
                medium.close();
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
        if (powerLost) {
            throw powerLoss();
        }
        int op = cdb[0] & 0xFF;
        try {
            switch (op) {
                case 0x12: // INQUIRY, SPC
                    return reply(data, inquiry());
                case 0x46: // GET CONFIGURATION, MMC (formats.md §6.1)
                    return reply(data, configuration(u16(cdb, 2)));
                default:
                    break;
            }
            if (medium == null) {
                return check(2, 0x3A, 0x00, data); // medium not present
            }
            switch (op) {
                case 0x00: // TEST UNIT READY
                    return good(0);
                case 0x25: // READ CAPACITY
                    return reply(data, readCapacity());
                case 0x28: // READ(10)
                    return read(u32(cdb, 2), u16(cdb, 7), data);
                case 0xA8: // READ(12)
                    return read(u32(cdb, 2), u32(cdb, 6), data);
                case 0x51: // READ DISC INFORMATION
                    return reply(data, discInformation());
                case 0x52: // READ TRACK INFORMATION
                    byte[] ti = trackInformation(cdb[1] & 3, u32(cdb, 2));
                    return ti == null ? check(5, 0x24, 0x00, data) : reply(data, ti);
                case 0x43: // READ TOC/PMA/ATIP
                    return toc(cdb, data);
                case 0x2A: // WRITE(10)
                    return write(u32(cdb, 2), u16(cdb, 7), direction, data);
                case 0xAA: // WRITE(12)
                    return write(u32(cdb, 2), u32(cdb, 6), direction, data);
                case 0x35: // SYNCHRONIZE CACHE: writes go straight to the file; the simulated buffer empties
                    flush();
                    return good(0);
                case 0x5B: // CLOSE TRACK/SESSION
                    return closeTrackSession(cdb[2] & 7, data);
                default:
                    return check(5, 0x20, 0x00, data); // invalid command operation code
            }
        } catch (IOException e) {
            if (e instanceof DiscImageException d) {
                throw d;
            }
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, device() + ": opcode "
                    + String.format("%02Xh", op) + " failed on the image file: " + e.getMessage(), e);
        }
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
     * GET CONFIGURATION: the feature header with the current profile (0 with an empty tray) and, when
     * feature 0000h is asked for (starting feature 0), the Profile List feature naming the write-once
     * profiles this drive can hold, the loaded one flagged current (MMC 5.3.1).
     */
    private byte[] configuration(int startingFeature) {
        SequentialImageMedium.Profile[] all = SequentialImageMedium.Profile.values();
        int features = startingFeature == 0 ? 4 + 4 * all.length : 0;
        byte[] r = new byte[8 + features];
        put32(r, 0, r.length - 4);
        put16(r, 6, medium != null ? profile.mmcProfile() : 0);
        if (features > 0) {
            r[8 + 2] = 0x03; // version 0, persistent, current
            r[8 + 3] = (byte) (4 * all.length);
            for (int i = 0; i < all.length; i++) {
                put16(r, 12 + 4 * i, all[i].mmcProfile());
                r[12 + 4 * i + 2] = (byte) (medium != null && all[i] == profile ? 1 : 0);
            }
        }
        return r;
    }

    /** READ CAPACITY: the last recorded address and the block length; 0 on a blank disc. */
    private byte[] readCapacity() {
        byte[] r = new byte[8];
        put32(r, 0, Math.max(0, lastRecorded()));
        put32(r, 4, BLOCK);
        return r;
    }

    /** The last readable block: the end of the open session's writes, else of the last track; -1 if none. */
    private long lastRecorded() {
        if (writer != null && writer.nextAddress() > writer.startLba()) {
            return writer.nextAddress() - 1;
        }
        List<Track> t = medium.tracks();
        if (t.isEmpty()) {
            return -1;
        }
        Track last = t.get(t.size() - 1);
        return last.start() + last.blocks() - 1;
    }

    private boolean writing() {
        return writer != null && writer.nextAddress() > writer.startLba();
    }

    /**
     * READ DISC INFORMATION, standard data of 34 bytes (MMC 6.22): [2] erasable 0, last session state
     * bits 3-2 (0 empty, 1 incomplete, 3 complete), disc status bits 1-0 (0 blank, 1 incomplete
     * (appendable), 2 complete); [3] first track; [4]/[9] sessions counting the open last one; [5]/[10]
     * and [6]/[11] first and last track of the last session; [20..23] last possible lead-out start (MSF
     * on CD, LBA otherwise).
     */
    private byte[] discInformation() {
        int closedTracks = medium.tracks().size();
        boolean complete = medium.isClosed();
        int discStatus = complete ? 2 : (closedTracks == 0 && !writing() ? 0 : 1);
        int sessionState = complete ? 3 : (writing() ? 1 : 0);
        int sessions = complete ? closedTracks : closedTracks + 1;
        int lastTrack = complete ? closedTracks : closedTracks + 1;
        byte[] r = new byte[34];
        put16(r, 0, 32);
        r[2] = (byte) (sessionState << 2 | discStatus);
        r[3] = 1;
        r[4] = (byte) sessions;
        r[5] = (byte) lastTrack;
        r[6] = (byte) lastTrack;
        r[9] = (byte) (sessions >>> 8);
        r[10] = (byte) (lastTrack >>> 8);
        r[11] = (byte) (lastTrack >>> 8);
        r[8] = 0x00; // disc type: CD-DA or CD-ROM (data) / not applicable on DVD and BD
        // last session lead-in start: on an appendable CD the next session's lead-in, which precedes its
        // program area at the NWA by lead-in 4500 + pre-gap 150 blocks (formats.md 6.6's gap breakdown);
        // FF:FF:FF on a blank or finalized CD (no ATIP lead-in is modelled); 0 on DVD/BD [unconfirmed]
        boolean cd = profile == SequentialImageMedium.Profile.CD_R;
        put32(r, 16, !cd ? 0 : complete || closedTracks == 0 ? 0x00FFFFFFL : msf(medium.nextWritableAddress() - 4650));
        put32(r, 20, cd ? msf(medium.capacity()) : medium.capacity());
        return r;
    }

    /**
     * READ TRACK INFORMATION (MMC 6.27) for an address type ([1] bits 1-0: 0 LBA, 1 track, 2 session) and
     * number; {@code null} (answered 5/24/00) when no such track exists, e.g. the invisible track of a
     * complete disc. The invisible track (number FFh or one past the last closed track) starts at the
     * medium's NWA, has NWA_V set and the free blocks up to the capacity.
     */
    private byte[] trackInformation(int type, long number) {
        List<Track> tracks = medium.tracks();
        int invisible = tracks.size() + 1;
        int track;
        switch (type) {
            case 0 -> {
                track = -1;
                for (Track t : tracks) {
                    if (number >= t.start() && number < t.start() + t.blocks()) {
                        track = t.number();
                    }
                }
                if (track < 0 && !medium.isClosed() && number >= medium.nextWritableAddress()
                        && number < medium.capacity()) {
                    track = invisible;
                }
            }
            case 1 -> track = number == 0xFF ? invisible : (int) Math.min(number, Integer.MAX_VALUE);
            case 2 -> track = (int) Math.min(number, Integer.MAX_VALUE); // one track per session
            default -> track = -1;
        }
        if (track < 1 || track > invisible || (track == invisible && medium.isClosed())) {
            return null;
        }
        byte[] r = new byte[48];
        put16(r, 0, 46);
        r[2] = (byte) track;
        r[3] = (byte) track;
        r[32] = (byte) (track >>> 8);
        r[33] = (byte) (track >>> 8);
        r[5] = TRACK_MODE_DATA;
        if (track < invisible) {
            Track t = tracks.get(track - 1);
            r[6] = DATA_MODE_1;
            r[7] = 0x02; // LRA_V; a closed track has no NWA
            put32(r, 8, t.start());
            put32(r, 24, t.blocks());
            put32(r, 28, t.start() + t.blocks() - 1);
        } else {
            long start = medium.nextWritableAddress();
            long nwa = writer != null ? writer.nextAddress() : start;
            r[6] = (byte) ((nwa == start ? 0x40 : 0) | DATA_MODE_1); // blank while nothing is written
            r[7] = (byte) (0x01 | (nwa > start ? 0x02 : 0)); // NWA_V, LRA_V once written
            put32(r, 8, start);
            put32(r, 12, nwa);
            put32(r, 16, Math.max(0, medium.capacity() - nwa));
            put32(r, 24, Math.max(0, medium.capacity() - start));
            put32(r, 28, nwa > start ? nwa - 1 : 0);
        }
        return r;
    }

    /**
     * READ TOC/PMA/ATIP formats 0 (TOC: a descriptor per closed track from the starting track in [6],
     * then the lead-out AAh at the end of the last closed track) and 1 (session info: first and last
     * complete session, the first track of the last complete session and its start), LBA or MSF ([1]
     * bit 1). A disc without a closed session has no TOC: 5/24/00, as MMC drives answer on a blank disc
     * (libburn treats that as "no TOC").
     */
    private ScsiResult toc(byte[] cdb, ByteBuffer data) {
        boolean msf = (cdb[1] & 0x02) != 0;
        int format = cdb[2] & 0x0F;
        if (format == 0 && (cdb[9] & 0xC0) != 0) {
            format = (cdb[9] & 0xC0) >>> 6; // the SFF-8020 format field in the control byte
        }
        List<Track> tracks = medium.tracks();
        if (tracks.isEmpty() || format > 1 || data == null) {
            return check(5, 0x24, 0x00, data);
        }
        Track last = tracks.get(tracks.size() - 1);
        if (format == 1) {
            byte[] r = new byte[12];
            put16(r, 0, 10);
            r[2] = 1;
            r[3] = (byte) last.number();
            r[5] = ADR_CONTROL_DATA;
            r[6] = (byte) last.number();
            put32(r, 8, address(last.start(), msf));
            return reply(data, r);
        }
        int from = cdb[6] & 0xFF;
        if (from > last.number() && from != 0xAA) {
            return check(5, 0x24, 0x00, data);
        }
        List<Track> listed = tracks.stream().filter(t -> t.number() >= from).toList();
        byte[] r = new byte[4 + 8 * (listed.size() + 1)];
        put16(r, 0, r.length - 2);
        r[2] = 1;
        r[3] = (byte) last.number();
        int off = 4;
        for (Track t : listed) {
            r[off + 1] = ADR_CONTROL_DATA;
            r[off + 2] = (byte) t.number();
            put32(r, off + 4, address(t.start(), msf));
            off += 8;
        }
        r[off + 1] = ADR_CONTROL_DATA;
        r[off + 2] = (byte) 0xAA;
        put32(r, off + 4, address(last.start() + last.blocks(), msf));
        return reply(data, r);
    }

    // ---- data --------------------------------------------------------------------------------------

    /** READ(10)/(12): only blocks of closed tracks or written by the open session (see class comment). */
    private ScsiResult read(long lba, long blocks, ByteBuffer data) throws IOException {
        if (blocks == 0) {
            return good(0);
        }
        if (data == null || data.remaining() < blocks * BLOCK) {
            return check(5, 0x24, 0x00, data); // the transfer length does not match the buffer
        }
        long end = lba + blocks;
        if (end - 1 > lastRecorded()) {
            return check(5, 0x21, 0x00, data);
        }
        if (!readable(lba, end) || hitsMediumError(lba, end)) {
            return check(3, 0x11, 0x00, data);
        }
        ByteBuffer dst = data.duplicate();
        dst.limit(dst.position() + (int) (blocks * BLOCK));
        while (dst.hasRemaining()) {
            long at = lba + (dst.position() - data.position()) / BLOCK;
            if (medium.sectors().read(at, dst) == 0) {
                throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "the emulated disc " + image
                        + " ends before its recorded block " + at);
            }
        }
        data.position(dst.position());
        return good(data.remaining());
    }

    /** Whether every block of [lba, end) lies in one closed track or in the open session's writes. */
    private boolean readable(long lba, long end) {
        if (writer != null && lba >= writer.startLba() && end <= writer.nextAddress()) {
            return true;
        }
        for (Track t : medium.tracks()) {
            if (lba >= t.start() && end <= t.start() + t.blocks()) {
                return true;
            }
        }
        return false;
    }

    /** WRITE(10)/(12) of whole blocks at the NWA of the invisible track (see class comment for the sense). */
    private ScsiResult write(long lba, long blocks, DataDirection direction, ByteBuffer data) throws IOException {
        if (writeProtected) {
            return check(7, 0x27, 0x00, data);
        }
        if (blocks == 0) {
            return good(0);
        }
        if (direction != DataDirection.TO_DEVICE || data.remaining() < blocks * BLOCK) {
            return check(5, 0x24, 0x00, data);
        }
        if (medium.isClosed()) {
            return check(5, 0x21, 0x02, data);
        }
        long nwa = writer != null ? writer.nextAddress() : medium.nextWritableAddress();
        if (lba != nwa) {
            return check(5, 0x21, 0x02, data);
        }
        if (lba + blocks > medium.capacity()) {
            return check(5, 0x63, 0x00, data);
        }
        if (hitsMediumError(lba, lba + blocks)) {
            return check(3, 0x0C, 0x00, data);
        }
        if (clock != null) {
            drain();
            if (bufferFill > 0 && bufferFill + blocks * BLOCK > bufferBytes) {
                return check(2, 0x04, 0x08, data); // long write in progress: buffer full, re-send later
            }
            bufferFill += blocks * BLOCK;
        }
        if (writer == null) {
            writer = medium.openSession();
        }
        long taken = powerLossAfter >= 0 ? Math.min(blocks, powerLossAfter) : blocks;
        ByteBuffer src = data.duplicate();
        src.limit(src.position() + (int) (taken * BLOCK));
        writer.write(lba, src);
        data.position(src.position());
        if (powerLossAfter >= 0) {
            powerLossAfter -= taken;
            if (taken < blocks) {
                powerLost = true;
                writer.close(); // the session is never closed: nothing reaches the TOC
                writer = null;
                throw powerLoss();
            }
        }
        return good(data.remaining());
    }

    /** The host waits for the buffer to be written: it empties without an underrun. */
    private void flush() {
        if (clock != null) {
            bufferFill = 0;
            lastFill = clock.instant();
        }
    }

    private boolean hitsMediumError(long lba, long end) {
        Long first = mediumErrors.ceiling(lba);
        return first != null && first < end;
    }

    private DiscImageException powerLoss() {
        return new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, device()
                + " lost power (injected fault): the device is gone");
    }

    /**
     * CLOSE TRACK/SESSION ([2] bits 2-0): 001b close track leaves the session open (one track per
     * session here); 010b closes the session, which stays appendable; 101b and 110b finalise the disc
     * (complete). Closing with nothing written is a command sequence error 5/2C/00 [model limit: a real
     * DVD+R may be finalised without a new session].
     */
    private ScsiResult closeTrackSession(int function, ByteBuffer data) throws IOException {
        if (writeProtected) {
            return check(7, 0x27, 0x00, data);
        }
        flush();
        switch (function) {
            case 1:
                return writing() ? good(0) : check(5, 0x2C, 0x00, data);
            case 2, 5, 6:
                if (!writing()) {
                    return check(5, 0x2C, 0x00, data);
                }
                SequentialImageMedium.SessionWriter w = writer;
                writer = null;
                try {
                    w.closeSession(function != 2);
                } catch (DiscImageException e) {
                    if (e.code() == ErrorCode.IMAGE_TOO_BIG) {
                        return check(5, 0x63, 0x00, data); // the padding to the minimum track passes the end
                    }
                    throw e;
                }
                return good(0);
            default:
                return check(5, 0x24, 0x00, data);
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    /** Copies as much of {@code reply} as the buffer holds (the allocation length truncates, SPC). */
    private static ScsiResult reply(ByteBuffer data, byte[] reply) {
        if (data == null) {
            return good(0);
        }
        int requested = data.remaining();
        int n = Math.min(requested, reply.length);
        data.put(reply, 0, n);
        return good(requested - n);
    }

    private static ScsiResult good(int residual) {
        return new ScsiResult(ScsiStatus.GOOD, new byte[0], residual, TOOK);
    }

    /** CHECK CONDITION with 18 bytes of fixed-format current sense (SPC: 70h, [2] key, [7] 10, [12] ASC, [13] ASCQ). */
    private static ScsiResult check(int key, int asc, int ascq, ByteBuffer data) {
        byte[] s = new byte[18];
        s[0] = 0x70;
        s[2] = (byte) key;
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return new ScsiResult(ScsiStatus.CHECK_CONDITION, s, data == null ? 0 : data.remaining(), TOOK);
    }

    private long address(long lba, boolean msf) {
        return msf ? msf(lba) : lba;
    }

    /** LBA → 00 MM SS FF with the 150-frame offset of MMC's MSF addresses. */
    private static long msf(long lba) {
        long f = lba + 150;
        return ((f / (60 * 75)) << 16) | (((f / 75) % 60) << 8) | (f % 75);
    }

    private static void ascii(byte[] b, int off, int len, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) {
            b[off + i] = i < t.length ? t[i] : (byte) ' ';
        }
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    private static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    // ---- hooks for the recording API (org.discimage.recorder) -------------------------------------

    /**
     * The simulated drive buffer's size in bytes as given to {@link #simulateRecording}, or -1 when recording is
     * not simulated: what READ BUFFER CAPACITY would report as the buffer length (MMC 6.18).
     */
    public long bufferBytes() {
        return clock != null ? bufferBytes : -1;
    }
}
