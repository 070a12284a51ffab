package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.Wire.BLOCK;
import static org.discimage.recorder.emulated.Wire.address;
import static org.discimage.recorder.emulated.Wire.check;
import static org.discimage.recorder.emulated.Wire.good;
import static org.discimage.recorder.emulated.Wire.msf;
import static org.discimage.recorder.emulated.Wire.put16;
import static org.discimage.recorder.emulated.Wire.put32;
import static org.discimage.recorder.emulated.Wire.reply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium;
import org.discimage.media.SequentialImageMedium.Track;
import org.discimage.recorder.transport.ScsiResult;

/**
 * A write-once (CD-R, DVD-R, DVD+R, BD-R) or blankable (CD-RW, DVD-RW sequential) disc over a
 * {@link SequentialImageMedium}: the image file plus its sidecar TOC. One session holds one track
 * (TAO/incremental), so CLOSE TRACK alone leaves the session open and CLOSE SESSION records it. BLANK of a
 * CD-RW/DVD-RW makes the disc blank again.
 */
final class WriteOnceDisc implements Disc {
    /** Track mode 4 (data, recorded uninterrupted) and data mode 1 of READ TRACK INFORMATION [5]/[6]. */
    private static final int TRACK_MODE_DATA = 4;
    private static final int DATA_MODE_1 = 1;
    /** ADR 1 (Q sub-channel position) and control 4 (data track) of a TOC descriptor. */
    private static final int ADR_CONTROL_DATA = 0x14;

    private final Path image;
    private final EmulatedProfile profile;
    private SequentialImageMedium medium;
    private SequentialImageMedium.SessionWriter writer;
    /** The end (exclusive) of the track RESERVE TRACK reserved at the NWA; -1 without a reservation. */
    private long reservedEnd = -1;
    /** Zeros padding a reserved track on close, allocated once. */
    private ByteBuffer zeros;

    WriteOnceDisc(Path image, EmulatedProfile profile, SequentialImageMedium medium) {
        this.image = image;
        this.profile = profile;
        this.medium = medium;
    }

    SequentialImageMedium medium() {
        return medium;
    }

    @Override
    public EmulatedProfile profile() {
        return profile;
    }

    @Override
    public long capacity() {
        return medium.capacity();
    }

    @Override
    public boolean writing() {
        return writer != null && writer.nextAddress() > writer.startLba();
    }

    private boolean cd() {
        return profile.family() == EmulatedProfile.Family.CD;
    }

    /** READ CAPACITY: the last recorded address and the block length; 0 on a blank disc. */
    @Override
    public byte[] readCapacity() {
        byte[] r = new byte[8];
        put32(r, 0, Math.max(0, lastRecorded()));
        put32(r, 4, BLOCK);
        return r;
    }

    /** The last readable block: the end of the open session's writes, else of the last track; -1 if none. */
    private long lastRecorded() {
        if (writing()) {
            return writer.nextAddress() - 1;
        }
        List<Track> t = medium.tracks();
        if (t.isEmpty()) {
            return -1;
        }
        Track last = t.get(t.size() - 1);
        return last.start() + last.blocks() - 1;
    }

    /**
     * READ DISC INFORMATION, standard data of 34 bytes (MMC 6.22): [2] bit4 erasable (CD-RW, DVD-RW), last
     * session state bits 3-2 (0 empty, 1 incomplete, 3 complete), disc status bits 1-0 (0 blank, 1
     * incomplete (appendable), 2 complete); [3] first track; [4]/[9] sessions counting the open last one;
     * [5]/[10] and [6]/[11] first and last track of the last session; [20..23] last possible lead-out start
     * (MSF on CD, LBA otherwise).
     */
    @Override
    public byte[] discInformation() {
        int closedTracks = medium.tracks().size();
        boolean complete = medium.isClosed();
        int discStatus = complete ? 2 : (closedTracks == 0 && !writing() ? 0 : 1);
        int sessionState = complete ? 3 : (writing() ? 1 : 0);
        int sessions = complete ? closedTracks : closedTracks + 1;
        int lastTrack = complete ? closedTracks : closedTracks + 1;
        byte[] r = new byte[34];
        put16(r, 0, 32);
        r[2] = (byte) ((profile.erasable() ? 0x10 : 0) | sessionState << 2 | discStatus);
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
        put32(r, 16, !cd() ? 0 : complete || closedTracks == 0 ? 0x00FFFFFFL
                : msf(medium.nextWritableAddress() - 4650));
        put32(r, 20, cd() ? msf(medium.capacity()) : medium.capacity());
        return r;
    }

    /**
     * READ TRACK INFORMATION (MMC 6.27) for an address type ([1] bits 1-0: 0 LBA, 1 track, 2 session) and
     * number; {@code null} (answered 5/24/00) when no such track exists, e.g. the invisible track of a
     * complete disc. The invisible track (number FFh or one past the last closed track) starts at the
     * medium's NWA, has NWA_V set and the free blocks up to the capacity.
     */
    @Override
    public byte[] trackInformation(int type, long number) {
        int track = trackNumber(type, number);
        int invisible = medium.tracks().size() + 1;
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
            Track t = medium.tracks().get(track - 1);
            r[6] = DATA_MODE_1;
            r[7] = 0x02; // LRA_V; a closed track has no NWA
            put32(r, 8, t.start());
            put32(r, 24, t.blocks());
            put32(r, 28, t.start() + t.blocks() - 1);
        } else {
            long start = medium.nextWritableAddress();
            long nwa = writer != null ? writer.nextAddress() : start;
            long end = reservedEnd >= 0 ? reservedEnd : medium.capacity();
            // RT (reserved track) after RESERVE TRACK; blank while nothing is written
            r[6] = (byte) ((reservedEnd >= 0 ? 0x80 : 0) | (nwa == start ? 0x40 : 0) | DATA_MODE_1);
            r[7] = (byte) (0x01 | (nwa > start ? 0x02 : 0)); // NWA_V, LRA_V once written
            put32(r, 8, start);
            put32(r, 12, nwa);
            put32(r, 16, Math.max(0, end - nwa));
            put32(r, 24, Math.max(0, end - start));
            put32(r, 28, nwa > start ? nwa - 1 : 0);
        }
        return r;
    }

    private int trackNumber(int type, long number) {
        List<Track> tracks = medium.tracks();
        int invisible = tracks.size() + 1;
        switch (type) {
            case 0 -> {
                for (Track t : tracks) {
                    if (number >= t.start() && number < t.start() + t.blocks()) {
                        return t.number();
                    }
                }
                boolean free = !medium.isClosed() && number >= medium.nextWritableAddress()
                        && number < medium.capacity();
                return free ? invisible : -1;
            }
            case 1 -> {
                return number == 0xFF ? invisible : (int) Math.min(number, Integer.MAX_VALUE);
            }
            case 2 -> {
                return (int) Math.min(number, Integer.MAX_VALUE); // one track per session
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * READ TOC/PMA/ATIP formats 0 (TOC: a descriptor per closed track from the starting track in [6],
     * then the lead-out AAh at the end of the last closed track) and 1 (session info: first and last
     * complete session, the first track of the last complete session and its start), LBA or MSF ([1]
     * bit 1). A disc without a closed session has no TOC: 5/24/00, as MMC drives answer on a blank disc
     * (libburn treats that as "no TOC").
     */
    @Override
    public ScsiResult toc(byte[] cdb, ByteBuffer data) {
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

    /**
     * READ FORMAT CAPACITIES (MMC 6.24): restricted overwrite is not modelled, so only the current capacity
     * descriptor: the capacity, type 01b (unformatted) on CD-RW/DVD-RW, as a dvd+rw-mediainfo listing of a
     * blank DVD-RW shows ("unformatted: 2297888*2048"), 10b on write-once media [unconfirmed].
     */
    @Override
    public byte[] formatCapacities() {
        byte[] r = new byte[12];
        r[3] = 8;
        put32(r, 4, medium.capacity());
        r[8] = (byte) (profile.erasable() ? 0x01 : 0x02);
        Wire.put24(r, 9, BLOCK);
        return r;
    }

    /**
     * Reads only blocks of closed tracks or written by the open session: past the last recorded address
     * 5/21/00 (SBC: an LBA beyond the capacity READ CAPACITY reports), inside the unwritable gap a closed
     * session left 3/11/00 (lead-out/lead-in/pre-gap hold no user data) [unconfirmed: not measured].
     */
    @Override
    public ScsiResult refuseRead(long lba, long end, ByteBuffer data) {
        if (end - 1 > lastRecorded()) {
            return check(5, 0x21, 0x00, data);
        }
        if (writer != null && lba >= writer.startLba() && end <= writer.nextAddress()) {
            return null;
        }
        for (Track t : medium.tracks()) {
            if (lba >= t.start() && end <= t.start() + t.blocks()) {
                return null;
            }
        }
        return check(3, 0x11, 0x00, data);
    }

    @Override
    public void read(long lba, ByteBuffer dst) throws IOException {
        int start = dst.position();
        while (dst.hasRemaining()) {
            long at = lba + (dst.position() - start) / BLOCK;
            if (medium.sectors().read(at, dst) == 0) {
                throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "the emulated disc " + image
                        + " ends before its recorded block " + at);
            }
        }
    }

    /**
     * Writes go to the NWA of the invisible track only: elsewhere 5/21/02 "invalid address for write" (the
     * driver re-reads the NWA); on a closed (complete) disc 5/21/02 as well, because a complete disc has
     * no invisible track and hence no NWA [unconfirmed: formats.md §6.8 does not say what a real drive
     * answers on a finalized disc]; at the NWA but past the capacity 5/63/00, the "medium full" row of
     * formats.md §6.8 (5/21/00 would tell the driver its address was wrong, but it was the NWA), and so is
     * a write past the end of a reserved track ("end of user area encountered on this track").
     */
    @Override
    public ScsiResult refuseWrite(long lba, long blocks, ByteBuffer data) {
        if (medium.isClosed()) {
            return check(5, 0x21, 0x02, data);
        }
        long nwa = writer != null ? writer.nextAddress() : medium.nextWritableAddress();
        if (lba != nwa) {
            return check(5, 0x21, 0x02, data);
        }
        if (lba + blocks > (reservedEnd >= 0 ? reservedEnd : medium.capacity())) {
            return check(5, 0x63, 0x00, data); // past the capacity or the reserved track's end
        }
        return null;
    }

    @Override
    public void write(long lba, ByteBuffer src) throws IOException {
        if (writer == null) {
            writer = medium.openSession();
        }
        writer.write(lba, src);
    }

    @Override
    public void powerLost() {
        reservedEnd = -1;
        if (writer != null) {
            writer.close(); // the session is never closed: nothing reaches the TOC
            writer = null;
        }
    }

    /**
     * CLOSE TRACK/SESSION ([2] bits 2-0, formats.md §6.5): 001b close track leaves the session open (one
     * track per session here); 010b closes the session, which stays appendable unless page 05h's
     * multi-session field says 00b on CD or DVD-R/-RW (MMC 7.5: it decides whether the disc is finalized);
     * 101b and 110b finalise the disc. Closing with nothing written is a command sequence error 5/2C/00
     * [model limit: a real DVD+R may be finalised without a new session].
     */
    @Override
    public ScsiResult closeTrackSession(int function, boolean appendable, ByteBuffer data) throws IOException {
        if (function == 1 || function == 2 || function == 5 || function == 6) {
            padReservedTrack();
        }
        switch (function) {
            case 1:
                return writing() ? good(0) : check(5, 0x2C, 0x00, data);
            case 2, 5, 6:
                if (!writing()) {
                    return check(5, 0x2C, 0x00, data);
                }
                SequentialImageMedium.SessionWriter w = writer;
                writer = null;
                reservedEnd = -1;
                try {
                    w.closeSession(function != 2 || !appendable);
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

    /**
     * Closing a reserved track fills what the host did not write with zeros up to its reserved size, as
     * the drive records the whole reservation (MMC: a reserved track is closed at its reserved size)
     * [unconfirmed: what a real drive writes there].
     */
    private void padReservedTrack() throws IOException {
        if (reservedEnd < 0) {
            return;
        }
        if (writer == null) {
            writer = medium.openSession();
        }
        if (zeros == null) {
            zeros = ByteBuffer.allocate(32 * BLOCK);
        }
        while (writer.nextAddress() < reservedEnd) {
            int n = (int) Math.min(32, reservedEnd - writer.nextAddress());
            zeros.clear().limit(n * BLOCK);
            writer.write(writer.nextAddress(), zeros);
        }
    }

    /**
     * RESERVE TRACK, size form (MMC 6.31, formats.md §6.2): on DVD-R/-RW, DVD+R and BD-R reserves the
     * invisible track at the NWA for {@code blocks}, rounded up to the write unit (16 or 32 blocks); READ
     * TRACK INFORMATION then reports it reserved (RT) with that size, a WRITE past its end answers 5/63/00
     * and closing it pads it to its size. One track per session: the next track begins after CLOSE SESSION
     * (a real drive would show a new invisible track behind the reservation at once) [model limit]; the
     * reservation is not persisted. Refused: on CD 5/24/00 (not modelled), with a track being written or
     * already reserved, or on a closed disc 5/2C/00, a size of 0 or past the capacity 5/24/00
     * [unconfirmed: the senses a real drive uses].
     */
    @Override
    public ScsiResult reserveTrack(long blocks, ByteBuffer data) {
        if (cd()) {
            return check(5, 0x24, 0x00, data);
        }
        if (medium.isClosed() || writer != null || reservedEnd >= 0) {
            return check(5, 0x2C, 0x00, data);
        }
        int unit = profile.sequential().writeUnitSize();
        long size = (blocks + unit - 1) / unit * unit;
        long start = medium.nextWritableAddress();
        if (blocks == 0 || start + size > medium.capacity()) {
            return check(5, 0x24, 0x00, data);
        }
        reservedEnd = start + size;
        return good(0);
    }

    /** FORMAT UNIT on a sequential medium: 5/30/06 "cannot format medium - incompatible medium" (SPC ASC table). */
    @Override
    public ScsiResult format(byte[] list, ByteBuffer data) {
        return check(5, 0x30, 0x06, data);
    }

    /**
     * BLANK (MMC 6.2): on CD-RW and DVD-RW type 000b (full) and 001b (minimal: PMA, TOC and first lead-in)
     * leave a blank disc. Both delete the image and its TOC here: after a minimal blank the old blocks
     * still hold data on a real disc but no command can reach them (a blank disc reads nothing), and
     * {@link SequentialImageMedium} refuses an image with data but no sessions. Other types (track,
     * unreserve, tail, session) are not modelled: 5/24/00. On write-once media BLANK is 5/30/05 "cannot
     * write medium - incompatible format" [unconfirmed: not measured].
     */
    @Override
    public ScsiResult blank(int type, ByteBuffer data) throws IOException {
        if (!profile.erasable()) {
            return check(5, 0x30, 0x05, data);
        }
        if (type > 1) {
            return check(5, 0x24, 0x00, data);
        }
        long capacity = medium.capacity();
        close();
        reservedEnd = -1;
        Files.deleteIfExists(SequentialImageMedium.tocOf(image));
        Files.deleteIfExists(image);
        medium = SequentialImageMedium.open(image, profile.sequential(), capacity);
        return good(0);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        medium.close();
    }
}
