package org.discimage.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.error.Diagnostic;
import org.discimage.error.Diagnostics;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;

/**
 * The plain listing, {@code discimage ls [-l] [--fs FS] IMAGE}, run without picocli.
 *
 * <p>Why: building picocli's command model costs a cold JVM about 80 ms whatever the command
 * (measured: {@code new CommandLine(new LsCommand())} 75–87 ms, the programmatic
 * {@code CommandSpec} API 79–87 ms, {@code new CommandLine(new DiscImageCli())} 93–112 ms; an
 * AppCDS archive of its classes changed nothing, the time is its reflection code running
 * interpreted), a third of a whole {@code ls} of 100,000 entries. So {@link DiscImageCli#main}
 * tries this first; it takes exactly those arguments, each at most once, and hands anything else
 * (other options, {@code --help}, {@code @file} arguments, a second image, a bad {@code --fs})
 * to picocli, which then parses and reports as always. For what it takes it does what
 * {@link LsCommand} does with every other option at its default ({@code --session-start 0},
 * strict): the same session, the same lines ({@link LsCommand#print}), the same failure
 * messages and exit codes ({@link DiscImageCli#failureMessage}); QuickLsTest compares the two and
 * checks that {@code ls} has no option this class does not know.
 */
final class QuickLs {
    /** Returned by {@link #run} for arguments it leaves to picocli. */
    static final int NOT_HANDLED = -1;

    private QuickLs() {
    }

    /**
     * Lists the image if {@code args} are a plain {@code ls}, writing to the process's standard
     * output and error; the exit code, or {@link #NOT_HANDLED}.
     */
    static int run(String[] args) {
        Request r = parse(args);
        if (r == null) {
            return NOT_HANDLED;
        }
        // picocli's writers: sun.stdout.encoding / sun.stderr.encoding, else the default charset
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), encoding("sun.stderr.encoding"))), true);
        return run(r, new FileOutputStream(FileDescriptor.out), encoding("sun.stdout.encoding"), err);
    }

    /** As {@link #run(String[])}, writing to {@code out} in {@code charset} and to {@code err}. */
    static int run(String[] args, OutputStream out, Charset charset, PrintWriter err) {
        Request r = parse(args);
        return r == null ? NOT_HANDLED : run(r, out, charset, err);
    }

    private static int run(Request r, OutputStream out, Charset charset, PrintWriter err) {
        List<ImportedEntry> entries;
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(r.image)) {
            SessionReader reader = SessionReader.open(sectors, 0, ImportOptions.strict(new Warnings(err)));
            FileSystem fs = new ImportOptionsMixin.Session(r.image, sectors, reader).choose(r.fileSystem);
            entries = reader.readTree(fs);
        } catch (Exception e) {
            err.println("discimage: " + DiscImageCli.failureMessage(e));
            err.flush();
            return DiscImageCli.EXIT_FAILURE;
        }
        try {
            LsCommand.print(entries, r.longListing, out, charset);
        } catch (IOException e) {
            // as picocli's PrintWriter, which swallows it: standard output closed early (`| head`) is
            // not a failure of the listing
        }
        return 0;
    }

    /**
     * {@link ImportOptionsMixin#warnings}, made at the first warning: it is a lambda, and a cold
     * JVM's first lambda costs about 10 ms of bootstrapping that a listing without warnings need not pay.
     */
    private static final class Warnings implements Diagnostics {
        private final PrintWriter err;
        private Diagnostics sink;

        Warnings(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void report(Diagnostic diagnostic) {
            if (sink == null) {
                sink = ImportOptionsMixin.warnings(err);
            }
            sink.report(diagnostic);
        }
    }

    /** What a plain {@code ls} asks for. */
    private record Request(Path image, FileSystem fileSystem, boolean longListing) {
    }

    /** The request, or null unless {@code args} are {@code ls} with only -l, --fs FS and one IMAGE. */
    private static Request parse(String[] args) {
        if (args.length < 2 || !args[0].equals("ls")) {
            return null;
        }
        String image = null;
        String fs = null;
        boolean longListing = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-l") && !longListing) {
                longListing = true;
            } else if (a.equals("--fs") && fs == null && i + 1 < args.length) {
                fs = args[++i];
            } else if (a.startsWith("--fs=") && fs == null) {
                fs = a.substring(5);
            } else if (a.isEmpty() || a.startsWith("-") || a.startsWith("@") || image != null) {
                return null;  // an option, an @file, a second positional: picocli's business
            } else {
                image = a;
            }
        }
        if (image == null || DeviceNames.isDevice(image)) {
            return null;  // a DEVICE is read through its recorder, by LsCommand
        }
        FileSystem fileSystem = null;
        try {
            fileSystem = fs == null ? null : FileSystemConverter.parse(fs);
            return new Request(Path.of(image), fileSystem, longListing);
        } catch (RuntimeException e) {
            return null;  // InvalidPathException, picocli's TypeConversionException: a usage error for picocli
        }
    }

    private static Charset encoding(String property) {
        String name = System.getProperty(property);
        if (name == null) {
            return Charset.defaultCharset();
        }
        return name.equalsIgnoreCase("cp65001") ? StandardCharsets.UTF_8 : Charset.forName(name);
    }
}
