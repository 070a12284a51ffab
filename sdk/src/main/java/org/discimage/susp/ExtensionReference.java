package org.discimage.susp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** ER (SUSP 1.12 5.5): identifies the extension in use, here Rock Ridge. */
public record ExtensionReference(String identifier, String descriptor, String source, int extensionVersion)
        implements SuspEntry {
    /** RRIP 1.12 (IEEE P1282), with the strings pycdlib and Linux recognise. */
    public static final ExtensionReference RRIP_1_12 = new ExtensionReference("IEEE_P1282",
            "THE IEEE P1282 PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
            "PLEASE CONTACT THE IEEE STANDARDS DEPARTMENT, PISCATAWAY, NJ, USA FOR THE P1282 SPECIFICATION", 1);
    /** RRIP 1.09/1.10. */
    public static final ExtensionReference RRIP_1991A = new ExtensionReference("RRIP_1991A",
            "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
            "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME"
                    + " DESCRIPTOR FOR CONTACT INFORMATION.", 1);

    @Override
    public String signature() {
        return "ER";
    }

    @Override
    public int length() {
        return 8 + identifier.length() + descriptor.length() + source.length();
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "ER", length());
        b.put((byte) identifier.length()).put((byte) descriptor.length()).put((byte) source.length())
                .put((byte) extensionVersion);
        b.put(identifier.getBytes(StandardCharsets.US_ASCII)).put(descriptor.getBytes(StandardCharsets.US_ASCII))
                .put(source.getBytes(StandardCharsets.US_ASCII));
    }
}
