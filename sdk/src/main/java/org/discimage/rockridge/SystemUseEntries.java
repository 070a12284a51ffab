package org.discimage.rockridge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.VolumeDateTime;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.UnknownSuspEntry;

/** Decodes a System Use or continuation area into SUSP and Rock Ridge entries (SUSP 1.12 4). */
public final class SystemUseEntries {
    private SystemUseEntries() {
    }

    /** Parses position..limit; stops at ST or when fewer than 4 bytes remain. */
    public static List<SuspEntry> decode(ByteBuffer area) throws DiscImageException {
        List<SuspEntry> list = new ArrayList<>();
        while (area.remaining() >= 4) {
            int start = area.position();
            char c0 = (char) (area.get(start) & 0xFF);
            char c1 = (char) (area.get(start + 1) & 0xFF);
            int len = area.get(start + 2) & 0xFF;
            int version = area.get(start + 3) & 0xFF;
            if (c0 == 0 && c1 == 0) {
                break; // padding
            }
            String sig = "" + c0 + c1;
            if (len < 4 || len > area.remaining()) {
                throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "System Use entry " + sig
                        + " at byte " + start + " has length " + len + " (" + area.remaining() + " bytes left)");
            }
            ByteBuffer e = area.slice(start + 4, len - 4);
            area.position(start + len);
            if (sig.equals("ST")) {
                break;
            }
            list.add(parse(sig, version, e, len));
        }
        return list;
    }

    private static SuspEntry parse(String sig, int version, ByteBuffer e, int len) throws DiscImageException {
        switch (sig) {
            case "SP":
                need(e, 3, sig);
                return new SharingProtocolIndicator(e.get(2) & 0xFF);
            case "CE":
                need(e, 24, sig);
                return new ContinuationArea(BothEndian.getInt32(e, "CE block"), BothEndian.getInt32(e, "CE offset"),
                        BothEndian.getInt32(e, "CE length"));
            case "ER": {
                need(e, 4, sig);
                int li = e.get() & 0xFF;
                int ld = e.get() & 0xFF;
                int ls = e.get() & 0xFF;
                int v = e.get() & 0xFF;
                need(e, li + ld + ls, sig);
                return new ExtensionReference(str(e, li), str(e, ld), str(e, ls), v);
            }
            case "PX":
                need(e, 32, sig);
                return new PosixFileAttributes(BothEndian.getInt32(e, "PX mode"), BothEndian.getInt32(e, "PX links"),
                        BothEndian.getInt32(e, "PX uid"), BothEndian.getInt32(e, "PX gid"),
                        e.remaining() >= 8 ? BothEndian.getInt32(e, "PX serial") : -1);
            case "NM": {
                need(e, 1, sig);
                int flags = e.get() & 0xFF;
                byte[] name = new byte[e.remaining()];
                e.get(name);
                return new AlternateName(flags, name);
            }
            case "SL": {
                need(e, 1, sig);
                int flags = e.get() & 0xFF;
                List<SymbolicLink.Component> comps = new ArrayList<>();
                while (e.remaining() > 0) {
                    need(e, 2, "SL component");
                    int cf = e.get() & 0xFF;
                    int cl = e.get() & 0xFF;
                    need(e, cl, "SL component");
                    byte[] c = new byte[cl];
                    e.get(c);
                    comps.add(new SymbolicLink.Component(cf, c));
                }
                return new SymbolicLink(flags, comps);
            }
            case "PN":
                need(e, 16, sig);
                return new PosixDeviceNumber(BothEndian.getInt32(e, "PN high"), BothEndian.getInt32(e, "PN low"));
            case "CL":
                need(e, 8, sig);
                return new ChildLink(BothEndian.getInt32(e, "CL location"));
            case "PL":
                need(e, 8, sig);
                return new ParentLink(BothEndian.getInt32(e, "PL location"));
            case "RE":
                return new RelocatedDirectory();
            case "TF": {
                need(e, 1, sig);
                int flags = e.get() & 0xFF;
                int n = Integer.bitCount(flags & 0x7F);
                boolean longForm = (flags & TimeStamps.LONG_FORM) != 0;
                need(e, n * (longForm ? 17 : 7), sig);
                long[] s = new long[n];
                for (int i = 0; i < n; i++) {
                    if (longForm) {
                        java.time.Instant t = VolumeDateTime.decode(e).toInstant();
                        s[i] = t == null ? 0 : t.getEpochSecond();
                    } else {
                        s[i] = RecordingDateTime.decode(e).toEpochSecond();
                    }
                }
                return new TimeStamps(flags, s);
            }
            default: {
                byte[] data = new byte[len - 4];
                e.get(data);
                return new UnknownSuspEntry(sig, version, data);
            }
        }
    }

    private static String str(ByteBuffer e, int n) {
        byte[] b = new byte[n];
        e.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void need(ByteBuffer e, int n, String sig) throws DiscImageException {
        if (e.remaining() < n) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, sig + " entry too short: "
                    + e.remaining() + " data bytes, need " + n);
        }
    }
}
