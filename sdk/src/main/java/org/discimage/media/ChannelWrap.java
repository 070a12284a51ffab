package org.discimage.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * What every channel a medium opens passes through before use: the identity in production; a
 * crash test (org.discimage.media.CrashingAppend) wraps it to stop the process after a given
 * number of bytes, so an append can be interrupted for real at a chosen point.
 */
@FunctionalInterface
interface ChannelWrap {
    /** Production: the channel itself. */
    ChannelWrap NONE = (file, channel) -> channel;

    /** The channel to use for {@code file} instead of {@code channel}. */
    FileChannel wrap(Path file, FileChannel channel) throws IOException;
}
