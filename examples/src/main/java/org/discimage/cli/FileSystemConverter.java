package org.discimage.cli;

import java.util.Locale;

import org.discimage.FileSystem;

import picocli.CommandLine;

/**
 * Reads a file system name: {@code iso9660}, {@code joliet}, {@code rockridge} or {@code udf}
 * (aliases iso, rr).
 */
final class FileSystemConverter implements CommandLine.ITypeConverter<FileSystem> {
    /** The names accepted, for help texts. */
    static final String NAMES = "iso9660, joliet, rockridge, udf";

    @Override
    public FileSystem convert(String value) {
        return parse(value);
    }

    static FileSystem parse(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "iso9660":
            case "iso":
                return FileSystem.ISO9660;
            case "joliet":
                return FileSystem.JOLIET;
            case "rockridge":
            case "rr":
                return FileSystem.ROCK_RIDGE;
            case "udf":
                return FileSystem.UDF;
            default:
                throw new CommandLine.TypeConversionException(
                        "unknown file system '" + value + "' (expected " + NAMES + ")");
        }
    }

    /** The command-line name of a file system. */
    static String name(FileSystem fs) {
        switch (fs) {
            case ISO9660: return "iso9660";
            case JOLIET: return "joliet";
            case UDF: return "udf";
            default: return "rockridge";
        }
    }
}
