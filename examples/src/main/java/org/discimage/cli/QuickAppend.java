package org.discimage.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain append, {@code discimage append MEDIA SOURCE…} to an existing image file, run without
 * picocli (whose model costs the launcher's cold JVM about 0.1 s of CPU, see {@link QuickLs}).
 *
 * <p>It takes no option at all, and SOURCEs that are neither {@code @file}s nor standard input;
 * anything else, a MEDIA that does not exist yet (append creates it) included, goes to picocli. What
 * it takes runs through {@link AppendCommand#run}, with picocli's messages and exit codes; should
 * that code meet a usage error (a newest session whose file systems the SDK refuses), it throws
 * {@link Unhandled} before anything is written and picocli runs the command instead.
 * QuickAppendTest compares both ways and reads the result with xorriso.
 */
final class QuickAppend {
    /** Thrown by {@link AppendCommand#run} for a usage error it has no picocli model to report with. */
    static final class Unhandled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unhandled() {
            super(null, null, false, false);
        }
    }

    private QuickAppend() {
    }

    /** Appends if {@code args} are a plain append, printing to the process's standard output and error. */
    static int run(String[] args) {
        AppendCommand a = parse(args);
        if (a == null) {
            return QuickLs.NOT_HANDLED;
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), encoding("sun.stdout.encoding"))), true);
        PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), encoding("sun.stderr.encoding"))), true);
        return run(a, out, err);
    }

    /** As {@link #run(String[])}, printing to {@code out} and {@code err}. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        AppendCommand a = parse(args);
        return a == null ? QuickLs.NOT_HANDLED : run(a, out, err);
    }

    private static int run(AppendCommand a, PrintWriter out, PrintWriter err) {
        try {
            int code = a.run(out, err);
            out.flush();
            return code;
        } catch (Unhandled e) {
            return QuickLs.NOT_HANDLED;
        } catch (Exception e) {
            out.flush();
            err.println("discimage: " + DiscImageCli.failureMessage(e));
            err.flush();
            return DiscImageCli.EXIT_FAILURE;
        }
    }

    /** The append {@code args} ask for, or null when they are picocli's business. */
    static AppendCommand parse(String[] args) {
        if (args.length < 3 || !args[0].equals("append")) {
            return null;
        }
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@") || a.endsWith("=-")) {
                return null;
            }
            if (i > 1) {
                sources.add(a);
            }
        }
        Path media;
        try {
            media = Path.of(args[1]);
        } catch (RuntimeException e) {
            return null;
        }
        if (!Files.isRegularFile(media)) {
            return null;
        }
        AppendCommand a = new AppendCommand();
        a.media = args[1]; // a regular file: never a DEVICE (those go to picocli)
        a.sources = sources;
        return a;
    }

    private static Charset encoding(String property) {
        String name = System.getProperty(property);
        if (name == null) {
            return Charset.defaultCharset();
        }
        return name.equalsIgnoreCase("cp65001") ? StandardCharsets.UTF_8 : Charset.forName(name);
    }
}
