package org.discimage.rockridge;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.PaddingField;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;
import org.discimage.susp.SuspTerminator;
import org.discimage.susp.UnknownSuspEntry;

/**
 * Parsing and writing of a whole System Use field or continuation area, SUSP 1.12 4 and 5 (entries
 * back to back; ST or the end of the area ends them), dispatching by signature to the SUSP records and
 * the RRIP 1.12 records. Following CE entries into continuation areas is the caller's job, as is
 * skipping the SP's LEN_SKP bytes.
 */
public final class SystemUseEntries {
    private SystemUseEntries() {
    }

    /**
     * Decodes the entries from b's position to its limit, leaving the position after the last entry read.
     * Stops after an ST entry or when fewer than 4 bytes remain (a trailing zero padding byte is normal).
     * Unrecognised signatures become {@link UnknownSuspEntry}. MALFORMED_STRUCTURE if an entry's length is
     * below 4 or runs past the limit, or a recognised entry is malformed.
     */
    public static List<SuspEntry> decode(ByteBuffer area) throws DiscImageException {
        return decode(area, DecodeContext.STRICT);
    }

    /**
     * As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says. Lenient, an entry whose
     * length is below 4 or runs past the area, or a recognised entry that does not decode, ends the
     * area: the entries before it are kept, the rest of the area is skipped and reported (as Linux
     * isofs stops at a length below 3, fs/isofs/rock.c). SUSP 1.12 4 gives no way to resynchronise.
     */
    public static List<SuspEntry> decode(ByteBuffer area, DecodeContext ctx) throws DiscImageException {
        List<SuspEntry> out = new ArrayList<>();
        while (area.remaining() >= SuspHeader.LENGTH) {
            int at = area.position();
            String sig = SuspHeader.peekSignature(area);
            int len = area.get(at + 2) & 0xFF;
            String skip = "skipping the " + area.remaining() + " bytes left in the area";
            if (len < SuspHeader.LENGTH) {
                ctx.deviation("SUSP " + printable(sig) + ".length", at + 2, "length " + len + " is below 4", skip);
                break;
            }
            if (len > area.remaining()) {
                ctx.deviation("SUSP " + printable(sig) + ".length", at + 2, "entry of " + len
                        + " bytes runs past the end of the area (" + area.remaining() + " bytes remain)", skip);
                break;
            }
            SuspEntry e;
            try {
                e = decodeOne(sig, area, ctx);
            } catch (DiscImageException | RuntimeException x) {
                if (!ctx.lenient()) {
                    throw x;
                }
                ctx.deviation("SUSP " + printable(sig), at, String.valueOf(x.getMessage()), skip);
                break;
            }
            out.add(e);
            area.position(at + len);
            if (e instanceof SuspTerminator) {
                break;
            }
        }
        return out;
    }

    private static SuspEntry decodeOne(String sig, ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        switch (sig) {
            case "SP": return SharingProtocolIndicator.decode(b);
            case "CE": return ContinuationArea.decode(b, ctx);
            case "ER": return ExtensionReference.decode(b);
            case "ST": return SuspTerminator.decode(b);
            case "PD": return PaddingField.decode(b);
            case "PX": return PosixFileAttributes.decode(b, ctx);
            case "PN": return PosixDeviceNumber.decode(b, ctx);
            case "SL": return SymbolicLink.decode(b, ctx);
            case "NM": return AlternateName.decode(b);
            case "CL": return ChildLink.decode(b, ctx);
            case "PL": return ParentLink.decode(b, ctx);
            case "RE": return RelocatedDirectory.decode(b);
            case "TF": return TimeStamps.decode(b, ctx);
            case "RR": return RockRidgeFlags.decode(b);
            default: return UnknownSuspEntry.decode(b);
        }
    }

    private static String printable(String sig) {
        StringBuilder s = new StringBuilder();
        for (char c : sig.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return s.toString();
    }

    /** Total length of the entries. */
    public static int length(List<? extends SuspEntry> entries) {
        int n = 0;
        for (SuspEntry e : entries) {
            n += e.length();
        }
        return n;
    }

    /** Writes the entries back to back. */
    public static void encode(ByteBuffer b, List<? extends SuspEntry> entries) {
        for (SuspEntry e : entries) {
            e.encode(b);
        }
    }
}
