package org.discimage.recorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SessionInfo;
import org.discimage.media.grow.GrownSessions;
import org.discimage.recorder.mmc.FormatCapacities;
import org.discimage.recorder.mmc.FormatUnit;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.Profile;
import org.discimage.recorder.mmc.ReadFormatCapacities;

/**
 * DVD+RW and BD-RE in a recorder: overwritable media without sessions of their own, grown the way xorriso and
 * growisofs grow them (docs/formats.md §4: first session at LBA 32, sessions on 32-block boundaries, the 64 KiB
 * header at LBA 0..31 rewritten last with the newest volume descriptors) through the same {@link GrownSessions}
 * as image files, over {@link DriveBlocks}.
 *
 * <p>What the drive tells: READ FORMAT CAPACITIES (MMC 6.24) whether the disc is formatted and its capacity;
 * the rest (sessions, NWA, "blank") comes from the disc's header, read with READ(10): the drive reports a
 * formatted DVD+RW/BD-RE as one complete track, whatever is on it (formats.md §6.7). A header of zeros makes the
 * disc blank, IMAPI2's MediaHeuristicallyBlank (docs/imapi2.md).
 *
 * <p>An unformatted disc is formatted by {@link DataWriter} before the first session (WriteAction
 * FORMATTING_MEDIA), as growisofs formats a blank DVD+RW on first use: DVD+RW with type 26h, BD-RE with type
 * 30h (default spare areas, quick certification) and the size the drive offers.
 */
final class OverwritableDisc {
    private OverwritableDisc() {
    }

    /** Whether {@code p} is handled here: DVD+RW (single and double layer) and BD-RE. */
    static boolean handles(Profile p) {
        return p == Profile.DVD_PLUS_RW || p == Profile.DVD_PLUS_RW_DL || p == Profile.BD_RE;
    }

    /** Whether the disc is unformatted (READ FORMAT CAPACITIES current descriptor type 01b, MMC 6.24.3.2). */
    static boolean needsFormat(DiscRecorder recorder) throws DiscImageException {
        return formatCapacities(recorder).descriptorType() != FormatCapacities.FORMATTED;
    }

    /** The formatting state of the disc: READ FORMAT CAPACITIES, decoded. */
    static FormatCapacities formatCapacities(DiscRecorder recorder) throws DiscImageException {
        return FormatCapacities.decode(recorder.fetch(ReadFormatCapacities.all()));
    }

    /**
     * The disc state: OVERWRITE_ONLY always; BLANK when unformatted or when the header area (LBA 0..31) is zeros;
     * the sessions of the header's chain; the NWA 32 on a blank disc, else the end rounded up to 32. A header
     * that is neither zeros nor ISO 9660 (another file system, e.g. UDF alone) gives no NWA: such a disc must be
     * erased first.
     */
    static DiscRecorder.State state(DiscRecorder recorder, Profile profile, PhysicalMediaType type, boolean protectedSeen)
            throws DiscImageException {
        int unit = DiscRecorder.writeUnit(profile);
        FormatCapacities fc = formatCapacities(recorder);
        boolean formatted = fc.descriptorType() == FormatCapacities.FORMATTED;
        long capacity = formatted ? fc.currentBlocks() : formatSize(profile, fc);
        Set<MediaState> states = EnumSet.of(MediaState.OVERWRITE_ONLY);
        if (protectedSeen) {
            states.add(MediaState.WRITE_PROTECTED);
        }
        List<RecordedSession> sessions = new ArrayList<>();
        long nwa = GrownSessions.HEADER_SECTORS;
        if (!formatted) {
            states.add(MediaState.BLANK);
        } else {
            try {
                GrownSessions chain = new GrownSessions(new DriveBlocks(recorder, unit, capacity));
                for (SessionInfo s : chain.sessions()) {
                    sessions.add(new RecordedSession(s.number(), s.startLba(), s.sectors()));
                }
                nwa = chain.nextWritableAddress();
                if (sessions.isEmpty()) {
                    states.add(MediaState.BLANK);
                }
            } catch (DiscImageException e) {
                if (e.code() != ErrorCode.MALFORMED_STRUCTURE) {
                    throw e;
                }
                nwa = -1; // foreign data in the header: nothing to append to, nothing to overwrite unasked
            } catch (IOException e) {
                throw new DiscImageException(ErrorCode.IMPORT_READ_FAILURE, recorder.device() + ": the header of the "
                        + profile.displayName() + " (LBA 0..31) cannot be read: " + e.getMessage(), e);
            }
        }
        long free = nwa < 0 ? 0 : Math.max(0, capacity - nwa);
        long lastStart = sessions.isEmpty() ? -1 : sessions.get(sessions.size() - 1).startLba();
        MediaInfo info = new MediaInfo(type, states, sessions, free > 0 ? nwa : -1, free, capacity, lastStart,
                unit);
        return new DiscRecorder.State(info, profile, 0);
    }

    /** Blocks the format {@link #formatCommand} asks for will give. */
    private static long formatSize(Profile profile, FormatCapacities fc) {
        FormatCapacities.Formattable f = offered(profile, fc);
        return f != null ? f.blocks() : fc.currentBlocks();
    }

    /** The descriptor READ FORMAT CAPACITIES offers for our format type: 26h on DVD+RW, 30h (else 00h) on BD-RE. */
    private static FormatCapacities.Formattable offered(Profile profile, FormatCapacities fc) {
        FormatCapacities.Formattable fallback = null;
        for (FormatCapacities.Formattable f : fc.formattable()) {
            if (profile == Profile.BD_RE ? f.formatType() == FormatUnit.TYPE_BD_RE_WITH_SPARE
                    : f.formatType() == FormatUnit.TYPE_DVD_PLUS_RW) {
                return f;
            }
            if (profile == Profile.BD_RE && f.formatType() == 0) {
                fallback = f;
            }
        }
        return fallback;
    }

    /**
     * FORMAT UNIT for the disc (MMC 6.5, formats.md §6.3): DVD+RW type 26h over the whole disc (the drive formats
     * in the background and takes writes at once); BD-RE the offered 30h descriptor (block count and spare size
     * copied as MMC asks), subtype 10b full or 11b quick certification, or FFFFFFFFh blocks when none is offered.
     */
    static MmcCommand formatCommand(DiscRecorder recorder, Profile profile, boolean full) throws DiscImageException {
        if (profile != Profile.BD_RE) {
            return FormatUnit.dvdPlusRw();
        }
        FormatCapacities.Formattable f = offered(profile, formatCapacities(recorder));
        return f == null ? FormatUnit.bdRe(0xFFFF_FFFFL, FormatUnit.TYPE_BD_RE_WITH_SPARE, full ? 2 : 3, 0)
                : FormatUnit.bdRe(f.blocks(), FormatUnit.TYPE_BD_RE_WITH_SPARE, full ? 2 : 3, f.typeDependentParameter());
    }

    /** The blocks of the (formatted) disc, for growing and erasing. */
    static DriveBlocks blocks(DiscRecorder recorder, DiscRecorder.State state) {
        return new DriveBlocks(recorder, state.info().writeUnit(), state.info().totalSectors());
    }

    /**
     * Makes the session just written at {@code start} (ending before {@code end}) the disc's newest: SYNCHRONIZE
     * CACHE, then the header at LBA 0..31 (and the UDF anchor copy at 256), then SYNCHRONIZE CACHE again
     * (DESIGN rule 7: the pointer last). The disc is read again for its capacity: it may just have been formatted.
     */
    static void commit(DiscRecorder recorder, long start, long end) throws IOException {
        DiscRecorder.State s = recorder.state();
        GrownSessions chain = new GrownSessions(blocks(recorder, s));
        if (chain.nextWritableAddress() != start && !chain.sessions().isEmpty()) {
            throw new DiscImageException(ErrorCode.DF2DATA_INVALID_MEDIA_STATE, recorder.device() + ": the session"
                    + " written at " + start + " is not at the disc's next writable address "
                    + chain.nextWritableAddress() + " any more: the header is left as it was");
        }
        chain.commit(start, end);
    }

    /** The multisession interface of the disc in {@code state}, importing through {@code recorder.sectors()}. */
    static DriveRandomWrite multisession(DiscRecorder recorder, DiscRecorder.State state) {
        return new DriveRandomWrite(state.info(), recorder.sectors());
    }
}
