package org.discimage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.discimage.error.DiscImageException;
import org.discimage.recorder.mmc.InquiryData;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.transport.OpticalDrive;
import org.discimage.recorder.transport.OpticalDrives;
import org.discimage.recorder.transport.ScsiTransport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discimage devices}: the optical drives of this machine, one line each, from INQUIRY. */
@Command(name = "devices", sortOptions = false,
        description = {"Lists the optical drives of this machine (Linux: /dev/sr*; Windows: CD-ROM drive letters), "
                + "one per line: device, vendor, product and revision as the drive reports them to INQUIRY.",
                "A drive that cannot be opened (permissions, busy) is listed with what the operating system knows "
                + "of it and the reason. Prints 'no optical drives found' and exits 0 when there are none."})
final class DevicesCommand implements Callable<Integer> {
    /** Opens a device with the transport of this OS. */
    interface Opener {
        ScsiTransport open(String device) throws DiscImageException;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private final Supplier<List<OpticalDrive>> drives;
    private final Opener opener;

    /** The command over this machine's drives. */
    DevicesCommand() {
        this(OpticalDrives::list, OpticalDrives::open);
    }

    /** The command over given drives and transports (tests). */
    DevicesCommand(Supplier<List<OpticalDrive>> drives, Opener opener) {
        this.drives = Objects.requireNonNull(drives, "drives");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<OpticalDrive> found = drives.get();
        if (found.isEmpty()) {
            out.println("no optical drives found");
        }
        for (OpticalDrive drive : found) {
            out.println(describe(drive));
        }
        out.flush();
        return 0;
    }

    private String describe(OpticalDrive drive) {
        try (ScsiTransport t = opener.open(drive.device())) {
            InquiryData d = MmcExecutor.inquiry(t);
            return drive.device() + ": " + String.join(" ", d.vendor(), d.product(), d.revision()).strip();
        } catch (DiscImageException e) {
            String known = (drive.vendor() + " " + drive.model()).strip();
            return drive.device() + ": " + (known.isEmpty() ? "" : known + " ") + "(cannot query: " + e.getMessage()
                    + ")";
        }
    }
}
