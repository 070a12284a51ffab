package org.discimage.recorder.mmc;

import static org.discimage.recorder.mmc.SenseKey.ABORTED_COMMAND;
import static org.discimage.recorder.mmc.SenseKey.BLANK_CHECK;
import static org.discimage.recorder.mmc.SenseKey.DATA_PROTECT;
import static org.discimage.recorder.mmc.SenseKey.HARDWARE_ERROR;
import static org.discimage.recorder.mmc.SenseKey.ILLEGAL_REQUEST;
import static org.discimage.recorder.mmc.SenseKey.MEDIUM_ERROR;
import static org.discimage.recorder.mmc.SenseKey.MISCOMPARE;
import static org.discimage.recorder.mmc.SenseKey.NOT_READY;
import static org.discimage.recorder.mmc.SenseKey.NO_SENSE;
import static org.discimage.recorder.mmc.SenseKey.RECOVERED_ERROR;
import static org.discimage.recorder.mmc.SenseKey.UNIT_ATTENTION;
import static org.discimage.recorder.mmc.SenseKey.VOLUME_OVERFLOW;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.discimage.error.ErrorCode;

/**
 * Sense key + ASC/ASCQ → message, {@link Disposition} and {@link ErrorCode} (formats.md §6.8, after
 * libburn's spc.c/mmc.c and growisofs' reactions). Lookup falls back from the exact triple to key + ASC
 * (any ASCQ) and then to the key alone, so every sense has an entry.
 *
 * <p>Seen from qemu's drives through SG_IO (EmulatedDriveInteropTest): the first command after power-on other
 * than INQUIRY gets 6/29/00 when no driver consumed the unit attention; an empty drive answers TEST UNIT READY
 * with 2/3A/00, also after an eject; commands a drive lacks give 5/20/00, an unknown mode page 5/24/00 (hence
 * the command-specific codes of {@link #errorCode}). An ATAPI drive keeps the last sense for a later REQUEST
 * SENSE while a SCSI target's sense is consumed by the kernel's autosense, so callers must use the sense
 * returned with the failed command, not ask for it afterwards.
 */
public final class SenseTable {
    /** Wildcard for ASC or ASCQ. */
    private static final int ANY = -1;

    /**
     * One row.
     *
     * @param message     what the sense means
     * @param disposition what to do
     * @param errorCode   the error to report when the caller gives up
     */
    public record Entry(String message, Disposition disposition, ErrorCode errorCode) {
        /** Checks the fields are present. */
        public Entry {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(disposition, "disposition");
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    private static final Map<Integer, Entry> TABLE = new HashMap<>();

    static {
        ErrorCode unexpected = ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE;
        put(NO_SENSE, ANY, ANY, "no sense", Disposition.SUCCESS, unexpected);
        put(RECOVERED_ERROR, ANY, ANY, "recovered error", Disposition.SUCCESS, unexpected);

        put(NOT_READY, ANY, ANY, "not ready", Disposition.RETRY, ErrorCode.RECORDER_MEDIA_BECOMING_READY);
        // some USB bridges report 2/04/00 forever with no medium: libburn gives up after ~5 s
        put(NOT_READY, 0x04, 0x00, "not ready, cause not reportable", Disposition.RETRY,
                ErrorCode.RECORDER_MEDIA_BECOMING_READY);
        put(NOT_READY, 0x04, 0x01, "becoming ready", Disposition.NOT_READY_BECOMING_READY,
                ErrorCode.RECORDER_MEDIA_BECOMING_READY);
        put(NOT_READY, 0x04, 0x04, "format in progress", Disposition.WAIT_OPERATION_IN_PROGRESS,
                ErrorCode.RECORDER_MEDIA_FORMAT_IN_PROGRESS);
        put(NOT_READY, 0x04, 0x07, "operation in progress", Disposition.WAIT_OPERATION_IN_PROGRESS,
                ErrorCode.RECORDER_MEDIA_BUSY);
        put(NOT_READY, 0x04, 0x08, "long write in progress", Disposition.WAIT_LONG_WRITE_IN_PROGRESS,
                ErrorCode.RECORDER_MEDIA_BUSY);
        put(NOT_READY, 0x30, ANY, "incompatible medium installed", Disposition.FAIL,
                ErrorCode.RECORDER_MEDIA_INCOMPATIBLE);
        put(NOT_READY, 0x30, 0x10, "medium not formatted", Disposition.FAIL, ErrorCode.RECORDER_MEDIA_NOT_FORMATTED);
        put(NOT_READY, 0x3A, ANY, "medium not present", Disposition.NO_MEDIUM, ErrorCode.RECORDER_MEDIA_NO_MEDIA);
        put(NOT_READY, 0x3A, 0x01, "medium not present, tray closed", Disposition.NO_MEDIUM,
                ErrorCode.RECORDER_MEDIA_NO_MEDIA);
        put(NOT_READY, 0x3A, 0x02, "medium not present, tray open", Disposition.NO_MEDIUM,
                ErrorCode.RECORDER_MEDIA_NO_MEDIA);

        put(MEDIUM_ERROR, ANY, ANY, "medium error", Disposition.MEDIUM_ERROR, unexpected);
        put(MEDIUM_ERROR, 0x0C, ANY, "write error", Disposition.MEDIUM_ERROR, unexpected);
        put(MEDIUM_ERROR, 0x0C, 0x00, "write error", Disposition.MEDIUM_ERROR, unexpected);
        put(MEDIUM_ERROR, 0x0C, 0x09, "write error, loss of streaming (buffer underrun)", Disposition.MEDIUM_ERROR,
                ErrorCode.LOSS_OF_STREAMING);
        put(MEDIUM_ERROR, 0x11, ANY, "unrecovered read error", Disposition.MEDIUM_ERROR, unexpected);
        put(MEDIUM_ERROR, 0x72, ANY, "session fixation error", Disposition.MEDIUM_ERROR, unexpected);

        put(HARDWARE_ERROR, ANY, ANY, "hardware error", Disposition.FAIL, unexpected);

        put(ILLEGAL_REQUEST, ANY, ANY, "illegal request", Disposition.FAIL, unexpected);
        put(ILLEGAL_REQUEST, 0x20, 0x00, "invalid command operation code", Disposition.FAIL,
                ErrorCode.RECORDER_NO_SUCH_FEATURE);
        put(ILLEGAL_REQUEST, 0x21, 0x00, "logical block address out of range", Disposition.FAIL, unexpected);
        put(ILLEGAL_REQUEST, 0x21, 0x02, "invalid address for write", Disposition.REREAD_NWA, unexpected);
        put(ILLEGAL_REQUEST, 0x24, 0x00, "invalid field in CDB", Disposition.FAIL, unexpected);
        put(ILLEGAL_REQUEST, 0x26, 0x00, "invalid field in parameter list", Disposition.FAIL,
                ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
        put(ILLEGAL_REQUEST, 0x2C, 0x00, "command sequence error", Disposition.FAIL, unexpected);
        put(ILLEGAL_REQUEST, 0x30, ANY, "incompatible medium / cannot write this format", Disposition.FAIL,
                ErrorCode.RECORDER_MEDIA_INCOMPATIBLE);
        // SPC-4 ASC 30h/10h: a DVD+RW drive answered 5/30/10 to CLOSE SESSION (a published dvd+rw-format log)
        put(ILLEGAL_REQUEST, 0x30, 0x10, "medium not formatted", Disposition.FAIL,
                ErrorCode.RECORDER_MEDIA_NOT_FORMATTED);
        put(ILLEGAL_REQUEST, 0x53, 0x02, "medium removal prevented", Disposition.FAIL, unexpected);
        put(ILLEGAL_REQUEST, 0x63, 0x00, "end of user area encountered on this track (medium full)",
                Disposition.FAIL, ErrorCode.IMAGE_TOO_BIG);
        put(ILLEGAL_REQUEST, 0x64, 0x00, "illegal mode for this track (wrong write type)", Disposition.FAIL,
                ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);

        put(UNIT_ATTENTION, ANY, ANY, "unit attention", Disposition.REINITIALIZE, unexpected);
        put(UNIT_ATTENTION, 0x28, 0x00, "not ready to ready change, medium may have changed",
                Disposition.REINITIALIZE, unexpected);
        put(UNIT_ATTENTION, 0x29, ANY, "power on, reset or bus device reset occurred (mode pages lost)",
                Disposition.REINITIALIZE, unexpected);

        put(DATA_PROTECT, ANY, ANY, "data protect", Disposition.FAIL, ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
        put(DATA_PROTECT, 0x27, 0x00, "write protected", Disposition.FAIL, ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
        put(BLANK_CHECK, ANY, ANY, "blank check (blank area read)", Disposition.FAIL, unexpected);
        put(ABORTED_COMMAND, ANY, ANY, "aborted command", Disposition.RETRY, unexpected);
        put(VOLUME_OVERFLOW, ANY, ANY, "volume overflow", Disposition.FAIL, ErrorCode.IMAGE_TOO_BIG);
        put(MISCOMPARE, ANY, ANY, "miscompare", Disposition.MEDIUM_ERROR, unexpected);
    }

    private static final Entry UNKNOWN = new Entry("unknown sense", Disposition.FAIL,
            ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);

    private SenseTable() {
    }

    private static int key(int senseKey, int asc, int ascq) {
        return (senseKey << 16) | ((asc & 0xFF) << 8) | (ascq & 0xFF) | (asc == ANY ? 1 << 24 : 0)
                | (ascq == ANY ? 1 << 25 : 0);
    }

    private static void put(SenseKey k, int asc, int ascq, String message, Disposition d, ErrorCode code) {
        if (TABLE.put(key(k.value(), asc, ascq), new Entry(message, d, code)) != null) {
            throw new IllegalStateException("duplicate sense table row " + k + "/" + asc + "/" + ascq);
        }
    }

    /** The row for a sense: exact key/ASC/ASCQ, else key/ASC, else the key's default. */
    public static Entry lookup(SenseKey key, int asc, int ascq) {
        Entry e = TABLE.get(key(key.value(), asc, ascq));
        if (e == null) {
            e = TABLE.get(key(key.value(), asc, ANY));
        }
        if (e == null) {
            e = TABLE.get(key(key.value(), ANY, ANY));
        }
        return e != null ? e : UNKNOWN;
    }

    /**
     * The error code for a failed command, with the command-specific readings of IMAPI2's codes: 5/20/00 to
     * GET CONFIGURATION is an MMC-1 drive without it; 5/24/00 to MODE SENSE is a missing mode page; 5/26/00 and
     * 5/24/00 to MODE SELECT are rejected mode parameters.
     */
    public static ErrorCode errorCode(MmcCommand command, SenseData sense) {
        int op = command.opcode();
        SenseKey k = sense.key();
        if (k == ILLEGAL_REQUEST) {
            if (op == GetConfiguration.OPCODE && sense.asc() == 0x20) {
                return ErrorCode.RECORDER_GET_CONFIGURATION_NOT_SUPPORTED;
            }
            if (op == ModeSense10.OPCODE && sense.asc() == 0x24) {
                return ErrorCode.RECORDER_NO_SUCH_MODE_PAGE;
            }
            if (op == ModeSelect10.OPCODE && (sense.asc() == 0x24 || sense.asc() == 0x26)) {
                return ErrorCode.RECORDER_INVALID_MODE_PARAMETERS;
            }
        }
        return sense.lookup().errorCode();
    }
}
