package org.discimage.cli;

import org.discimage.UdfRevision;

import picocli.CommandLine;

/** Reads a UDF revision as people write it: {@code 1.02}, {@code 1.50}, {@code 2.01}, {@code 2.50}, {@code 2.60}. */
final class UdfRevisionConverter implements CommandLine.ITypeConverter<UdfRevision> {
    @Override
    public UdfRevision convert(String value) {
        for (UdfRevision r : UdfRevision.values()) {
            if (r.toString().equals(value.trim())) {
                return r;
            }
        }
        throw new CommandLine.TypeConversionException("unknown UDF revision '" + value
                + "' (expected 1.02, 1.50, 2.01, 2.50 or 2.60)");
    }
}
