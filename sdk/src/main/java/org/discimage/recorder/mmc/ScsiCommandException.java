package org.discimage.recorder.mmc;

import java.util.Objects;

import org.discimage.error.DiscImageException;

/**
 * A command ended in CHECK CONDITION: carries the decoded sense so a caller can act on its
 * {@link Disposition}; the message names the device, the command and the sense ("5/24/00 invalid field in
 * CDB").
 */
public class ScsiCommandException extends DiscImageException {
    private static final long serialVersionUID = 1L;

    private final transient SenseData sense;
    private final String command;

    /** An exception for {@code command} on {@code device} with this sense. */
    public ScsiCommandException(String device, MmcCommand command, SenseData sense) {
        super(SenseTable.errorCode(command, sense), "device " + device + ": " + command.name() + " failed: sense "
                + sense.triple() + " " + sense.lookup().message());
        this.sense = Objects.requireNonNull(sense, "sense");
        this.command = command.name();
    }

    /** The sense data. */
    public SenseData sense() {
        return sense;
    }

    /** What to do about it. */
    public Disposition disposition() {
        return sense.lookup().disposition();
    }

    /** The name of the failed command. */
    public String command() {
        return command;
    }
}
