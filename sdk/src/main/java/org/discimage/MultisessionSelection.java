package org.discimage;

import java.io.IOException;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.SectorReader;
import org.discimage.media.Multisession;
import org.discimage.media.MultisessionRandomWrite;
import org.discimage.media.MultisessionSequential;

/**
 * Validates a medium's multisession interfaces as IMAPI2's put_MultisessionInterfaces does and
 * derives where the new session starts and where the tree to import is.
 *
 * @param chosen       the interface in use (asked for, or the first usable one)
 * @param sessionStart the LBA of the new session
 * @param importStart  the session start the newest tree is read at, or -1 when there is none
 * @param freeSectors  sectors the new session may use
 */
record MultisessionSelection(Multisession chosen, long sessionStart, long importStart, long freeSectors) {
    /**
     * libisoburn reserves the first 32 blocks of a random-write medium for the header holding the
     * copy of the newest descriptors (docs/formats.md 4.2), so no session starts before it.
     */
    static final long RANDOM_WRITE_HEADER = 32;

    static MultisessionSelection of(List<? extends Multisession> interfaces) throws DiscImageException {
        if (interfaces == null || interfaces.isEmpty()) {
            throw bad("no multisession interface given: a medium offers at least one");
        }
        Multisession inUse = null;
        for (int i = 0; i < interfaces.size(); i++) {
            Multisession m = interfaces.get(i);
            if (m == null) {
                throw bad("multisession interface " + i + " is null");
            }
            if (m.inUse()) {
                if (inUse != null) {
                    throw bad("more than one multisession interface is in use (" + describe(inUse) + " and "
                            + describe(m) + ")");
                }
                inUse = m;
            }
        }
        Multisession chosen = inUse;
        if (chosen != null) {
            if (!known(chosen) || !chosen.isSupportedOnCurrentMediaState()) {
                throw new DiscImageException(ErrorCode.INCOMPATIBLE_MULTISESSION_TYPE, "the multisession type in use, "
                        + describe(chosen) + ", cannot append to this medium in its current state");
            }
        } else {
            for (Multisession m : interfaces) {
                if (known(m) && m.isSupportedOnCurrentMediaState()) {
                    chosen = m;
                    break;
                }
            }
            if (chosen == null) {
                throw new DiscImageException(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, "none of the "
                        + interfaces.size() + " multisession types offered can append to this medium");
            }
        }
        if (chosen.importMedium() == null) {
            throw bad(describe(chosen) + " names no medium to import from");
        }
        try {
            return chosen instanceof MultisessionSequential s ? sequential(s) : randomWrite((MultisessionRandomWrite) chosen);
        } catch (RuntimeException e) {
            throw new DiscImageException(ErrorCode.FSI_INTERNAL_ERROR, describe(chosen) + " failed to answer: " + e, e);
        }
    }

    private static MultisessionSelection sequential(MultisessionSequential s) throws DiscImageException {
        if (s.isFirstDataSession()) {
            // IMAPI2: setting the interfaces fails on blank write-once media; build a first session instead
            throw new DiscImageException(ErrorCode.IMPORT_MEDIA_NOT_ALLOWED, "the sequential medium holds no data"
                    + " session to append to: write a first session without multisession interfaces");
        }
        long start = s.startAddressOfPreviousSession();
        long last = s.lastWrittenAddressOfPreviousSession();
        long nwa = s.nextWritableAddress();
        long free = s.freeSectorsOnMedia();
        if (start < 0 || last < start || nwa <= last || nwa > 0xFFFF_FFFFL || free < 0 || s.writeUnitSize() <= 0) {
            throw bad("inconsistent sequential medium: previous session " + start + ".." + last + ", next writable "
                    + nwa + ", free " + free + ", write unit " + s.writeUnitSize());
        }
        return new MultisessionSelection(s, nwa, start, free);
    }

    private static MultisessionSelection randomWrite(MultisessionRandomWrite r) throws DiscImageException {
        long last = r.lastWrittenAddress();
        long total = r.totalSectorsOnMedia();
        int unit = r.writeUnitSize();
        if (unit <= 0 || total <= 0 || last < -1 || last >= total) {
            throw bad("inconsistent random-write medium: last written " + last + ", " + total
                    + " sectors, write unit " + unit);
        }
        long from = Math.max(last + 1, RANDOM_WRITE_HEADER);
        long start = (from + unit - 1) / unit * unit;
        // the newest tree is found at LBA 0 (its descriptors copied there); a blank medium has none
        return new MultisessionSelection(r, start, last < 0 ? -1 : 0, Math.max(0, total - start));
    }

    /** Checks that the session to import can be reached (IMAPI_E_IMPORT_SEEK_FAILURE, also for blank media). */
    void checkImportable() throws IOException {
        SectorReader sectors = chosen.importMedium();
        if (importStart < 0) {
            throw new DiscImageException(ErrorCode.IMPORT_SEEK_FAILURE, "the medium is blank: no session to import");
        }
        long count = sectors.sectorCount();
        if (importStart + 17 > count) {
            throw new DiscImageException(ErrorCode.IMPORT_SEEK_FAILURE, "the previous session's descriptors at LBA "
                    + (importStart + 16) + " lie beyond the " + count + " readable sectors of " + sectors);
        }
    }

    private static boolean known(Multisession m) {
        return m instanceof MultisessionSequential || m instanceof MultisessionRandomWrite;
    }

    private static String describe(Multisession m) {
        return m instanceof MultisessionSequential ? "sequential" : m instanceof MultisessionRandomWrite
                ? "random-write" : m.getClass().getSimpleName();
    }

    private static DiscImageException bad(String message) {
        return new DiscImageException(ErrorCode.BAD_MULTISESSION_PARAMETER, message);
    }
}
