package org.discimage.recorder;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.SectorReader;
import org.discimage.media.Multisession;
import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.GetPerformance;
import org.discimage.recorder.mmc.InquiryData;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Performance;
import org.discimage.recorder.mmc.PreventAllowMediumRemoval;
import org.discimage.recorder.mmc.Profile;
import org.discimage.recorder.mmc.ReadCapacity;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.SessionInfo;
import org.discimage.recorder.mmc.StartStopUnit;
import org.discimage.recorder.mmc.Toc;
import org.discimage.recorder.mmc.TrackInformation;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * One opened optical recorder (IMAPI2 IDiscRecorder2 with the media queries of IDiscFormat2Data): its
 * identity, profiles, the state of the loaded disc, the disc's multisession interface for
 * {@code FileSystemImage.setMultisessionInterfaces}, a sector reader over the disc, write speeds and the tray.
 * Obtained from {@link DiscMaster#open(String)}; write with a {@link DataWriter}, erase with an {@link Eraser}.
 *
 * <p>Not thread-safe: a drive executes one command at a time. {@link DataWriter#cancel()} is the one call
 * meant for another thread.
 */
public final class DiscRecorder implements Closeable {
    /** Enough profile-list entries for every profile MMC-6 defines (GET CONFIGURATION feature 0000h). */
    private static final int PROFILE_LIST_ALLOCATION = 8 + 4 + 4 * 64;
    /** Write speed descriptors asked for: drives list a handful per medium. */
    private static final int MAX_SPEEDS = 32;

    private final ScsiTransport transport;
    private final InquiryData inquiry;
    /** A WRITE or CLOSE was refused with 7/27/00 on the loaded disc: MMC has no cheap generic probe for it. */
    private boolean writeProtectSeen;

    private DiscRecorder(ScsiTransport transport, InquiryData inquiry) {
        this.transport = transport;
        this.inquiry = inquiry;
    }

    /**
     * A recorder over an opened transport; INQUIRY must name an MMC device.
     *
     * @throws DiscImageException RECORDER_TRANSPORT_FAILURE for a device that is not MMC (type 05h)
     */
    static DiscRecorder over(ScsiTransport transport) throws DiscImageException {
        Objects.requireNonNull(transport, "transport");
        InquiryData id = MmcExecutor.inquiry(transport);
        if (!id.isMmc()) {
            throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "device " + transport.device()
                    + " is of SCSI device type " + id.deviceType() + ", not an MMC (CD/DVD/BD) device 05h");
        }
        return new DiscRecorder(transport, id);
    }

    /** The device this recorder talks to ({@code /dev/sr0}, {@code D:}, {@code emulated:BD-R:/path}). */
    public String device() {
        return transport.device();
    }

    /** The vendor identification of INQUIRY (SPC, bytes 8..15), trimmed. */
    public String vendor() {
        return inquiry.vendor().strip();
    }

    /** The product identification of INQUIRY (bytes 16..31), trimmed. */
    public String product() {
        return inquiry.product().strip();
    }

    /** The product revision level of INQUIRY (bytes 32..35), trimmed. */
    public String revision() {
        return inquiry.revision().strip();
    }

    /** The media types the drive can hold, from GET CONFIGURATION's profile list (MMC feature 0000h), in its order. */
    public List<PhysicalMediaType> supportedProfiles() throws DiscImageException {
        Set<PhysicalMediaType> types = new LinkedHashSet<>();
        for (Configuration.ProfileEntry e : configuration().profiles()) {
            types.add(typeOf(e.number()));
        }
        types.remove(PhysicalMediaType.UNKNOWN);
        return List.copyOf(types);
    }

    /** The media type of the current profile; {@code UNKNOWN} with an empty tray (profile 0000h). */
    public PhysicalMediaType currentProfile() throws DiscImageException {
        return typeOf(configuration().currentProfile());
    }

    /**
     * The state of the loaded disc, read now (see {@link MediaInfo}). A DVD+RW or BD-RE is OVERWRITE_ONLY, and
     * BLANK when unformatted or when its header (LBA 0..31) is zeros (IMAPI2 MediaHeuristicallyBlank); its
     * sessions are those of the header's chain (xorriso's TOC emulation).
     */
    public MediaInfo media() throws DiscImageException {
        return state().info();
    }

    /**
     * The disc's multisession interfaces (IMAPI2 IDiscFormat2Data.MultisessionInterfaces): one
     * {@link org.discimage.media.MultisessionSequential} holding the state read now, whose import medium is
     * {@link #sectors()}; on DVD+RW and BD-RE one {@link org.discimage.media.MultisessionRandomWrite} instead
     * (session start: the end of the newest session rounded up to 32 blocks, 32 on a blank disc). The last
     * session's start comes from READ DISC INFORMATION and READ TRACK INFORMATION (MMC 6.22, 6.27), on DVD+RW
     * and BD-RE from the header's session chain.
     */
    public List<Multisession> multisessionInterfaces() throws DiscImageException {
        State s = state();
        if (OverwritableDisc.handles(s.profile())) {
            return List.of(OverwritableDisc.multisession(this, s)); // DVD+RW, BD-RE: IMultisessionRandomWrite
        }
        return List.of(new DriveMultisession(s.info(), supportsDataWriting(s.profile()), sectors()));
    }

    /** A reader of the disc's recorded blocks by READ(10) through the drive (for importing and listing). */
    public SectorReader sectors() {
        return new DriveSectorReader(this);
    }

    /**
     * The write speeds the drive offers for the loaded disc (GET PERFORMANCE type 03h); an empty list when the
     * drive refuses the command (MMC-2 drives, the emulated drive).
     */
    public List<WriteSpeed> writeSpeeds() throws DiscImageException {
        GetPerformance gp = GetPerformance.writeSpeeds(MAX_SPEEDS);
        List<Performance.WriteSpeed> raw;
        try {
            raw = Performance.decodeWriteSpeeds(fetch(gp));
        } catch (ScsiCommandException e) {
            return List.of();
        }
        List<WriteSpeed> speeds = new ArrayList<>(raw.size());
        for (Performance.WriteSpeed w : raw) {
            speeds.add(new WriteSpeed(w.writeSpeed(), w.endLba(), w.exact()));
        }
        return List.copyOf(speeds);
    }

    /** Unlocks the tray and ejects the disc (PREVENT ALLOW MEDIUM REMOVAL 0, START STOP UNIT LoEj). */
    public void eject() throws DiscImageException {
        MmcExecutor.execute(transport, new PreventAllowMediumRemoval(false));
        MmcExecutor.execute(transport, StartStopUnit.eject());
    }

    /** Closes the tray and loads the disc (START STOP UNIT LoEj + Start). */
    public void closeTray() throws DiscImageException {
        MmcExecutor.execute(transport, StartStopUnit.load());
    }

    /** Releases the device. */
    @Override
    public void close() throws IOException {
        transport.close();
    }

    // ---- package-private: the writer's and eraser's view -----------------------------------------

    ScsiTransport transport() {
        return transport;
    }

    void noteWriteProtected() {
        writeProtectSeen = true;
    }

    /** Sends a command that returns data and gives its reply flipped for decoding. */
    ByteBuffer fetch(MmcCommand c) throws DiscImageException {
        ByteBuffer b = ByteBuffer.allocate(c.transferLength());
        MmcExecutor.execute(transport, c, b, c.defaultTimeout());
        return b.flip();
    }

    private Configuration configuration() throws DiscImageException {
        return Configuration.decode(fetch(new GetConfiguration(GetConfiguration.RequestType.ALL, 0,
                PROFILE_LIST_ALLOCATION)));
    }

    /**
     * The disc state with what the writer needs beyond {@link MediaInfo}: the MMC profile and the number of
     * the track the next session is written into.
     */
    record State(MediaInfo info, Profile profile, int openTrack) {
    }

    State state() throws DiscImageException {
        int current = configuration().currentProfile();
        Profile profile = Profile.of(current).orElse(null);
        if (current == 0) {
            return new State(new MediaInfo(PhysicalMediaType.UNKNOWN, Set.of(MediaState.NO_MEDIA), List.of(), -1, 0, 0,
                    -1, 1), null, 0);
        }
        if (OverwritableDisc.handles(profile)) {
            return OverwritableDisc.state(this, profile, typeOf(current), writeProtectSeen);
        }
        int unit = writeUnit(profile);
        Set<MediaState> states = EnumSet.noneOf(MediaState.class);
        if (profile == null || !supportsDataWriting(profile)) {
            states.add(MediaState.UNSUPPORTED_MEDIA);
        }
        if (writeProtectSeen) {
            states.add(MediaState.WRITE_PROTECTED);
        }
        DiscInformation di = DiscInformation.decode(fetch(new ReadDiscInformation(DiscInformation.LENGTH)));
        switch (di.discStatus()) {
            case BLANK -> states.add(MediaState.BLANK);
            case APPENDABLE -> states.add(MediaState.APPENDABLE);
            case FINALIZED -> states.add(MediaState.FINALIZED);
            case OTHER -> states.add(MediaState.OVERWRITE_ONLY);
        }
        if (di.lastSessionState() == DiscInformation.SessionState.DAMAGED) {
            states.add(MediaState.DAMAGED);
        }
        boolean closed = di.discStatus() == DiscInformation.DiscStatus.FINALIZED;
        // closed tracks: all of a finalized disc, else those before the last (incomplete) session's first track
        int lastClosed = closed ? di.lastTrackInLastSession() : di.firstTrackInLastSession() - 1;
        List<RecordedSession> sessions;
        try {
            sessions = sessions(di.firstTrack(), lastClosed);
        } catch (ScsiCommandException e) {
            if (!closed || e.sense().key().value() != 5 || e.sense().asc() != 0x20) {
                throw e;
            }
            sessions = sessionsFromToc(); // a ROM drive without READ TRACK INFORMATION (qemu's, seen here)
        }
        long nwa = -1;
        long free = 0;
        long total;
        if (!closed && di.discStatus() != DiscInformation.DiscStatus.OTHER) {
            TrackInformation open = TrackInformation.decode(fetch(ReadTrackInformation.track(
                    di.lastTrackInLastSession())));
            if (open.nextWritableAddress().isPresent()) {
                nwa = open.nextWritableAddress().getAsLong();
                free = open.freeBlocks();
            } else if (open.isDamagedAndUnwritable()) {
                states.add(MediaState.DAMAGED);
            }
            total = Math.max(nwa, 0) + free;
        } else {
            total = sessions.isEmpty() ? 0 : capacityBlocks();
        }
        if (nwa >= 0 && free > 0 && free * 50 <= total) {
            states.add(MediaState.FINAL_SESSION); // IMAPI2: at most 2 % left, the disc is closed with this session
        }
        long lastStart = sessions.isEmpty() ? -1 : sessions.get(sessions.size() - 1).startLba();
        MediaInfo info = new MediaInfo(typeOf(current), states, sessions, nwa, free, total, lastStart, unit);
        return new State(info, profile, di.lastTrackInLastSession());
    }

    /** The complete sessions from READ TRACK INFORMATION of each closed track, grouped by session number. */
    private List<RecordedSession> sessions(int firstTrack, int lastClosedTrack) throws DiscImageException {
        List<RecordedSession> list = new ArrayList<>();
        int number = -1;
        long start = 0;
        long end = 0;
        for (int t = firstTrack; t <= lastClosedTrack && t > 0; t++) {
            TrackInformation ti = TrackInformation.decode(fetch(ReadTrackInformation.track(t)));
            if (ti.session() != number) {
                if (number > 0) {
                    list.add(new RecordedSession(number, start, end - start));
                }
                number = ti.session();
                start = ti.trackStart();
            }
            end = ti.trackStart() + ti.trackSize();
        }
        if (number > 0) {
            list.add(new RecordedSession(number, start, end - start));
        }
        return list;
    }

    /**
     * The sessions of a closed disc from READ TOC/PMA/ATIP (MMC 6.26) for drives that do not know READ TRACK
     * INFORMATION: format 0 gives the tracks and the lead-out, format 1 the first track of the last session.
     * Tracks before that one are taken as one session each, the data-disc norm (one TAO track per session) —
     * format 0 does not say which session a track belongs to.
     */
    private List<RecordedSession> sessionsFromToc() throws DiscImageException {
        Toc toc = Toc.decode(fetch(ReadTocPmaAtip.toc()), false);
        SessionInfo last = SessionInfo.decode(fetch(ReadTocPmaAtip.sessionInfo()), false);
        List<Toc.Entry> e = toc.entries();
        List<RecordedSession> list = new ArrayList<>();
        int number = 0;
        for (int i = 0; i + 1 < e.size() && e.get(i).track() < last.firstTrackInLastSession(); i++) {
            list.add(new RecordedSession(++number, e.get(i).lba(), e.get(i + 1).lba() - e.get(i).lba()));
        }
        long end = e.get(e.size() - 1).lba(); // the lead-out
        list.add(new RecordedSession(++number, last.lastSessionStart(), end - last.lastSessionStart()));
        return list;
    }

    private long capacityBlocks() throws DiscImageException {
        return CapacityData.decode(fetch(new ReadCapacity())).blocks();
    }

    /** Blocks per write unit: CD 1 (2 KiB sectors), DVD 16 (32 KiB ECC blocks), BD 32 (64 KiB clusters). */
    static int writeUnit(Profile p) {
        if (p == null) {
            return 1;
        }
        int n = p.number();
        return n < 0x10 ? 1 : n < 0x40 ? 16 : n < 0x50 ? 32 : 16;
    }

    /**
     * Whether {@link DataWriter} can record a session on this profile: the sequential (write-once style)
     * profiles, and DVD+RW / BD-RE grown as xorriso grows them ({@link OverwritableDisc}). DVD-RAM and DVD-RW
     * restricted overwrite are not handled yet.
     */
    static boolean supportsDataWriting(Profile p) {
        return p != null && switch (p) {
            case CD_R, CD_RW, DVD_R_SEQUENTIAL, DVD_RW_SEQUENTIAL, DVD_R_DL_SEQUENTIAL, DVD_PLUS_R, DVD_PLUS_R_DL,
                    BD_R_SRM, DVD_PLUS_RW, DVD_PLUS_RW_DL, BD_RE -> true;
            default -> false;
        };
    }

    /** IMAPI_MEDIA_PHYSICAL_TYPE of an MMC profile number (docs/imapi2.md §3). */
    static PhysicalMediaType typeOf(int profile) {
        return switch (profile) {
            case 0x08 -> PhysicalMediaType.CDROM;
            case 0x09 -> PhysicalMediaType.CDR;
            case 0x0A -> PhysicalMediaType.CDRW;
            case 0x10 -> PhysicalMediaType.DVDROM;
            case 0x11 -> PhysicalMediaType.DVDDASHR;
            case 0x12 -> PhysicalMediaType.DVDRAM;
            case 0x13, 0x14 -> PhysicalMediaType.DVDDASHRW;
            case 0x15, 0x16 -> PhysicalMediaType.DVDDASHR_DUALLAYER;
            case 0x1A -> PhysicalMediaType.DVDPLUSRW;
            case 0x1B -> PhysicalMediaType.DVDPLUSR;
            case 0x2A -> PhysicalMediaType.DVDPLUSRW_DUALLAYER;
            case 0x2B -> PhysicalMediaType.DVDPLUSR_DUALLAYER;
            case 0x40 -> PhysicalMediaType.BDROM;
            case 0x41, 0x42 -> PhysicalMediaType.BDR;
            case 0x43 -> PhysicalMediaType.BDRE;
            case 0x50 -> PhysicalMediaType.HDDVDROM;
            case 0x51 -> PhysicalMediaType.HDDVDR;
            case 0x52 -> PhysicalMediaType.HDDVDRAM;
            default -> PhysicalMediaType.UNKNOWN;
        };
    }
}
