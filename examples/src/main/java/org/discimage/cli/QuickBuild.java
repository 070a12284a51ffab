package org.discimage.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;

/**
 * The common build, {@code discimage build -o OUT [--fs FS,…] [--udf-revision R] [-V ID] SOURCE…},
 * run without picocli.
 *
 * <p>Why: picocli builds its model of every command by reflection before it parses a word; in the
 * launcher's cold JVM that is about 0.1 s of CPU (see {@link QuickLs}), as much as the whole copy of
 * a 2 GiB tree of eight files to /dev/null takes (benchmarks/README.md, whole-process comparison). So
 * {@link DiscImageCli#main} tries this after {@link QuickLs}. It takes exactly those options, each at
 * most once, and SOURCEs that are neither options, {@code @file}s nor standard input; anything else
 * ({@code --help}, other options, a repeated option, a value that looks like an option, a bad file
 * system name or revision, a combination {@link BuildCommand} refuses as a usage error) goes to
 * picocli, which parses and reports as always. What it takes it runs through the same code as
 * {@link BuildCommand} ({@link BuildCommand#configure}, {@link BuildCommand#addAndWrite}), with the
 * same failure messages and exit codes; QuickBuildTest compares the images and messages of both ways.
 */
final class QuickBuild {
    private QuickBuild() {
    }

    /** Builds the image if {@code args} are a common {@code build}, reporting to the process's standard error. */
    static int run(String[] args) {
        BuildCommand b = parse(args);
        if (b == null) {
            return QuickLs.NOT_HANDLED;
        }
        // picocli's error writer: sun.stderr.encoding, else the default charset
        String name = System.getProperty("sun.stderr.encoding");
        Charset charset = name == null ? Charset.defaultCharset()
                : name.equalsIgnoreCase("cp65001") ? StandardCharsets.UTF_8 : Charset.forName(name);
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), charset)), true);
        return run(b, ENVIRONMENT, err);
    }

    /**
     * The process environment: a class, not {@code System::getenv}, since a cold JVM's first lambda
     * costs about 10 ms of bootstrapping (benchmarks/README.md), a tenth of a whole build of a few files.
     */
    private static final Function<String, String> ENVIRONMENT = new Function<>() {
        @Override
        public String apply(String name) {
            return System.getenv(name);
        }
    };

    /** As {@link #run(String[])}, with the environment {@code env} and the error writer {@code err}. */
    static int run(String[] args, Function<String, String> env, PrintWriter err) {
        BuildCommand b = parse(args);
        return b == null ? QuickLs.NOT_HANDLED : run(b, env, err);
    }

    private static int run(BuildCommand b, Function<String, String> env, PrintWriter err) {
        try {
            FileSystemImage image = new FileSystemImage(BuildCommand.clock(env.apply(BuildCommand.SOURCE_DATE_EPOCH)));
            b.configure(image);
            image.setBootImageOptions(List.of());
            return b.addAndWrite(image, err);
        } catch (Exception e) {
            err.println("discimage: " + DiscImageCli.failureMessage(e));
            err.flush();
            return DiscImageCli.EXIT_FAILURE;
        }
    }

    /** The build {@code args} ask for, or null when they are picocli's business. */
    static BuildCommand parse(String[] args) {
        if (args.length < 4 || !args[0].equals("build")) {
            return null;
        }
        String output = null;
        String fs = null;
        String revision = null;
        String volume = null;
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String option = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                option = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (a.equals("-o") || a.equals("--output") || a.equals("--fs") || a.equals("--udf-revision")
                    || a.equals("-V") || a.equals("--volume-id")) {
                if (i + 1 == args.length) {
                    return null;
                }
                value = args[++i];
                // picocli takes "-" as a value of -o only; anything else option-like is its business
                if (value.startsWith("-") && !(value.equals("-") && option.equals("-o") || value.equals("-")
                        && option.equals("--output"))) {
                    return null;
                }
            } else if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                return null;
            } else {
                sources.add(a);
                continue;
            }
            switch (option) {
                case "-o", "--output" -> {
                    if (output != null) {
                        return null;
                    }
                    output = value;
                }
                case "--fs" -> {
                    if (fs != null) {
                        return null;
                    }
                    fs = value;
                }
                case "--udf-revision" -> {
                    if (revision != null) {
                        return null;
                    }
                    revision = value;
                }
                case "-V", "--volume-id" -> {
                    if (volume != null) {
                        return null;
                    }
                    volume = value;
                }
                default -> {
                    return null;
                }
            }
        }
        if (output == null || output.isEmpty() || sources.isEmpty()) {
            return null;
        }
        for (String s : sources) {
            // standard input needs the working directory's spool: picocli's way
            if (s.equals("-") || s.endsWith("=-")) {
                return null;
            }
        }
        BuildCommand b = new BuildCommand();
        b.isoLevel = IsoLevel.LEVEL_3;  // --iso-level's defaultValue, which only picocli applies
        b.output = output;
        b.identifiers.volumeId = volume;
        b.sources = sources;
        try {
            if (fs != null) {
                List<FileSystem> list = new ArrayList<>();
                for (String name : fs.split(",", -1)) {
                    list.add(FileSystemConverter.parse(name));
                }
                b.fileSystems = list;
            }
            b.udfRevision = revision == null ? null : new UdfRevisionConverter().convert(revision);
        } catch (RuntimeException e) {
            return null;  // picocli's TypeConversionException: a usage error for picocli to report
        }
        return usable(b) ? b : null;
    }

    /** Whether {@link BuildCommand#configure} takes these file systems without a usage error. */
    private static boolean usable(BuildCommand b) {
        if (b.fileSystems.contains(FileSystem.ROCK_RIDGE) && !b.fileSystems.contains(FileSystem.ISO9660)
                || b.udfRevision != null && !b.fileSystems.contains(FileSystem.UDF)) {
            return false;
        }
        try {
            FileSystemImage probe = new FileSystemImage();
            probe.setFileSystems(EnumSet.copyOf(b.fileSystems));
            if (b.udfRevision != null) {
                probe.setUdfRevision(b.udfRevision);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
