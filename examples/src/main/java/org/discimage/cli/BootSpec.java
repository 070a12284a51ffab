package org.discimage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.discimage.BootOptions;
import org.discimage.BootOptions.Emulation;
import org.discimage.BootOptions.Platform;

import picocli.CommandLine;

/**
 * One {@code --boot} value of {@code build}:
 * {@code IMAGE[,platform=x86|efi][,emulation=none|floppy|hdd][,load-segment=N][,sectors=N][,info-table][,id=TEXT]}.
 * IMAGE is a host file (it cannot contain a comma). Without {@code emulation=} the SDK's choice by
 * size applies (IMAPI2 AssignBootImage: a 1.2/1.44/2.88 MB image is a floppy, anything else no
 * emulation); {@code floppy} insists on a floppy size. Numbers are decimal or 0x-hex.
 */
final class BootSpec {
    private BootSpec() {
    }

    /** Parses {@code spec} into boot options for the host file it names. */
    static BootOptions parse(String spec) throws IOException {
        String[] parts = spec.split(",", -1);
        Path file = Path.of(parts[0]);
        if (parts[0].isEmpty() || !Files.isRegularFile(file)) {
            throw new CommandLine.TypeConversionException("--boot " + spec + ": '" + parts[0] + "' is not a file");
        }
        BootOptions o = BootOptions.of(file);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : p.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "platform" -> o.setPlatform(switch (value.toLowerCase(Locale.ROOT)) {
                        case "x86", "bios" -> Platform.X86;
                        case "efi", "uefi" -> Platform.EFI;
                        case "ppc", "powerpc" -> Platform.POWER_PC;
                        case "mac" -> Platform.MAC;
                        default -> throw bad(spec, "platform must be x86, efi, ppc or mac, not '" + value + "'");
                    });
                    case "emulation" -> o.setEmulation(switch (value.toLowerCase(Locale.ROOT)) {
                        case "none" -> Emulation.NONE;
                        case "hdd", "hard-disk" -> Emulation.HARD_DISK;
                        case "floppy" -> floppy(o, spec);
                        default -> throw bad(spec, "emulation must be none, floppy or hdd, not '" + value + "'");
                    });
                    case "load-segment" -> o.setLoadSegment(number(value));
                    case "sectors" -> o.setSectorCount(number(value));
                    case "info-table" -> o.setBootInfoTable(true);
                    case "id" -> o.setManufacturer(value);
                    default -> throw bad(spec, "unknown key '" + key + "'");
                }
            } catch (NullPointerException | IllegalArgumentException e) {
                if (e instanceof CommandLine.TypeConversionException t) {
                    throw t;
                }
                throw bad(spec, "'" + p + "': " + (value == null ? "needs a value" : e.getMessage()));
            }
        }
        return o;
    }

    private static Emulation floppy(BootOptions o, String spec) {
        for (Emulation e : Emulation.values()) {
            if (e.floppySize() == o.imageSize()) {
                return e;
            }
        }
        throw bad(spec, "emulation=floppy needs an image of 1228800, 1474560 or 2949120 bytes, not "
                + o.imageSize());
    }

    private static int number(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static CommandLine.TypeConversionException bad(String spec, String why) {
        return new CommandLine.TypeConversionException("--boot " + spec + ": " + why);
    }
}
