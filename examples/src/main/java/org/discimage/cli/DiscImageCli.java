package org.discimage.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code discimage} command-line tool: {@code build} writes an ISO 9660 / Joliet / Rock Ridge
 * image from host files; {@code ls}, {@code info} and {@code extract} list, describe and unpack one
 * session of an image (ISO 9660, Joliet, Rock Ridge or UDF tree); {@code media} and {@code burn} describe and
 * record the disc in a recorder, which {@code ls}, {@code info}, {@code extract} and {@code append} also take.
 *
 * <p>Exit codes: 0 success, 1 failure (the message names the IMAPI2-style error code), 2 usage error.
 */
@Command(name = "discimage", mixinStandardHelpOptions = true,
        versionProvider = DiscImageCli.Version.class,
        description = "Builds, lists and extracts ISO 9660 / Joliet / Rock Ridge / UDF disc images and records "
                + "them on optical discs.",
        subcommands = {BuildCommand.class, LsCommand.class, InfoCommand.class, ExtractCommand.class, AppendCommand.class,
                DevicesCommand.class, MediaCommand.class, BurnCommand.class, SpanCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the operation failed", "2:usage error"})
public final class DiscImageCli implements Runnable {
    /** Exit code of a failed operation. */
    static final int EXIT_FAILURE = 1;

    private final Function<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The tool reading the process environment. */
    public DiscImageCli() {
        this(System::getenv);
    }

    /** The tool reading its environment variables (SOURCE_DATE_EPOCH) from {@code environment}. */
    public DiscImageCli(Map<String, String> environment) {
        this(Objects.requireNonNull(environment, "environment")::get);
    }

    private DiscImageCli(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        int code = QuickLs.run(args);  // a plain ls without picocli's start-up cost (see QuickLs)
        if (code == QuickLs.NOT_HANDLED) {
            code = QuickBuild.run(args);  // and a common build (see QuickBuild)
        }
        if (code == QuickLs.NOT_HANDLED) {
            code = QuickAppend.run(args);  // and a plain append (see QuickAppend)
        }
        System.exit(code != QuickLs.NOT_HANDLED ? code : commandLine(new DiscImageCli()).execute(args));
    }

    /** A picocli command line for {@code cli} with discimage's error reporting. */
    public static CommandLine commandLine(DiscImageCli cli) {
        CommandLine cl = new CommandLine(cli);
        cl.setExecutionExceptionHandler(DiscImageCli::reportFailure);
        cl.setParameterExceptionHandler(DiscImageCli::reportUsageError);
        return cl;
    }

    /** The value of an environment variable, or {@code null}. */
    String getenv(String name) {
        return environment.apply(name);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: build, ls, info or extract");
    }

    /** Prints {@code discimage: <message>} and where to find help for a usage error; exit 2. */
    static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("discimage: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Prints {@code discimage: <message>} for a failure; exit 1. */
    static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("discimage: " + failureMessage(e));
        err.flush();
        return EXIT_FAILURE;
    }

    /** The message printed after {@code discimage: } for a failure. */
    static String failureMessage(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException)) {
            message = "internal error: " + e;   // a bug, or a part of the SDK not written yet
        }
        return message;
    }

    /** The version Maven recorded in the jar (pom.properties), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        private static final String POM_PROPERTIES = "/META-INF/maven/org.discimage/discimage-examples/pom.properties";

        @Override
        public String[] getVersion() throws java.io.IOException {
            String v = "development";
            try (java.io.InputStream in = DiscImageCli.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    java.util.Properties props = new java.util.Properties();
                    props.load(in);
                    v = props.getProperty("version", v);
                }
            }
            return new String[] {"discimage " + v,
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
