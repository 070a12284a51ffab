package org.discimage.susp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * "ER" entry, SUSP 1.12 5.5: identifies an extension: LEN_ID, LEN_DES, LEN_SRC, EXT_VER (711 each), then
 * the identifier, descriptor and source texts. Length 8 + LEN_ID + LEN_DES + LEN_SRC, at most 255. Texts
 * are 8-bit characters (read as ISO-8859-1).
 */
public record ExtensionReference(String identifier, String descriptor, String source, int extensionVersion)
        implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "ER";
    /** Rock Ridge 1.12 (IEEE P1282), with the texts pycdlib writes and compares. */
    public static final ExtensionReference RRIP_1_12 = new ExtensionReference("IEEE_P1282",
            "THE IEEE P1282 PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
            "PLEASE CONTACT THE IEEE STANDARDS DEPARTMENT, PISCATAWAY, NJ, USA FOR THE P1282 SPECIFICATION", 1);
    /** Rock Ridge 1.09/1.10 ("RRIP_1991A"), with the texts genisoimage and pycdlib write (237 bytes). */
    public static final ExtensionReference RRIP_1991A = new ExtensionReference("RRIP_1991A",
            "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
            "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME "
                    + "DESCRIPTOR FOR CONTACT INFORMATION.", 1);
    private static final String S = "SUSP ER";

    /** IllegalArgumentException if a text is not 8-bit or the entry would exceed 255 bytes. */
    public ExtensionReference {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(source, "source");
        Decoding.checkRange(extensionVersion, 0, 255, "extensionVersion");
        for (String s : new String[] {identifier, descriptor, source}) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xFF) {
                    throw new IllegalArgumentException("ER text is not 8-bit: \"" + s + "\"");
                }
            }
        }
        int len = 8 + identifier.length() + descriptor.length() + source.length();
        if (len > SuspHeader.MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("ER entry would be " + len + " bytes, more than 255");
        }
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        return 8 + identifier.length() + descriptor.length() + source.length();
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, SIGNATURE, length(), 1);
        b.put((byte) identifier.length()).put((byte) descriptor.length()).put((byte) source.length())
                .put((byte) extensionVersion);
        b.put(identifier.getBytes(StandardCharsets.ISO_8859_1));
        b.put(descriptor.getBytes(StandardCharsets.ISO_8859_1));
        b.put(source.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header or if the three lengths do not add up to it. */
    public static ExtensionReference decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        int len = SuspHeader.read(b, SIGNATURE, 8, SuspHeader.MAX_ENTRY_LENGTH, S);
        int lenId = b.get() & 0xFF;
        int lenDes = b.get() & 0xFF;
        int lenSrc = b.get() & 0xFF;
        int version = b.get() & 0xFF;
        if (8 + lenId + lenDes + lenSrc != len) {
            throw Decoding.malformed(S + ".LEN_ID", at + 4, "8 + LEN_ID " + lenId + " + LEN_DES " + lenDes
                    + " + LEN_SRC " + lenSrc + " != entry length " + len);
        }
        return new ExtensionReference(text(b, lenId), text(b, lenDes), text(b, lenSrc), version);
    }

    private static String text(ByteBuffer b, int n) {
        byte[] raw = new byte[n];
        b.get(raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }
}
