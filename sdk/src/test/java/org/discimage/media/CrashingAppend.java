package org.discimage.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.discimage.FileSystemImage;

/**
 * A child JVM that appends a session and kills itself for real ({@link Runtime#halt}, no shutdown
 * hooks, no flushing, no finally blocks) when the append reaches a chosen byte of a chosen
 * region; exit status {@value #HALTED} then, 0 if the append completed.
 *
 * <p>Arguments: {@code file|seq IMAGE REGION N PAYLOAD [PROFILE]}. {@code file} appends with
 * {@link ImageFileMedium} (regions {@code data}: writes at or after LBA 32; {@code header}: writes
 * to blocks 0..31), {@code seq} with {@link SequentialImageMedium} of the given profile (regions
 * {@code data}: the image; {@code toc}: the new TOC file). The process halts just before byte
 * {@code N} (0-based) of the region would be written, writing the bytes before it, or at the
 * first {@code force} once {@code N} bytes of the region are written. The session adds
 * {@code PAYLOAD} as /payload.bin and a small /note.txt.
 */
public final class CrashingAppend {
    /** Exit status of a process stopped at the chosen point. */
    public static final int HALTED = 77;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);

    private CrashingAppend() {
    }

    /** Runs one append as the arguments say. */
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path img = Path.of(args[1]);
        String region = args[2];
        long n = Long.parseLong(args[3]);
        Path payload = Path.of(args[4]);
        if (mode.equals("file")) {
            ChannelWrap wrap = (file, ch) -> new Crashing(ch, region, n, true);
            try (ImageFileMedium medium = ImageFileMedium.open(img, 0, wrap)) {
                FileSystemImage image = new FileSystemImage(CLOCK);
                medium.prepare(image);
                fill(image, payload);
                medium.append(image.createResultImage());
            }
        } else {
            SequentialImageMedium.Profile profile = SequentialImageMedium.Profile.valueOf(args[5]);
            ChannelWrap wrap = (file, ch) -> new Crashing(ch, region,
                    n, file.getFileName().toString().endsWith(".toc.new") ? "toc" : "data");
            try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile, profile.capacity(), wrap)) {
                FileSystemImage image = new FileSystemImage(CLOCK);
                disc.prepare(image);
                fill(image, payload);
                disc.append(image.createResultImage(), false);
            }
        }
        System.exit(0);
    }

    private static void fill(FileSystemImage image, Path payload) throws IOException {
        image.setVolumeName("CRASH");
        image.root().addFile("payload.bin", payload);
        image.root().addFile("note.txt", "written by the killed append\n".getBytes());
    }

    /**
     * Passes everything to the real channel, counting the bytes written to the watched region and
     * halting the JVM at the chosen one.
     */
    static final class Crashing extends FileChannel {
        private final FileChannel ch;
        private final String watched;
        private final long haltAt;
        /** For ImageFileMedium: the region follows from the position; null when {@link #fixed} names it. */
        private final boolean byPosition;
        private final String fixed;
        private long count;

        Crashing(FileChannel ch, String watched, long haltAt, boolean byPosition) {
            this.ch = ch;
            this.watched = watched;
            this.haltAt = haltAt;
            this.byPosition = byPosition;
            this.fixed = null;
        }

        Crashing(FileChannel ch, String watched, long haltAt, String region) {
            this.ch = ch;
            this.watched = watched;
            this.haltAt = haltAt;
            this.byPosition = false;
            this.fixed = region;
        }

        private String region(long pos) {
            return byPosition ? (pos < ImageFileMedium.HEADER_SECTORS * 2048L ? "header" : "data") : fixed;
        }

        /** Writes src at pos through {@code op}, halting where chosen. */
        private int guarded(ByteBuffer src, long pos, boolean relative) throws IOException {
            if (!region(pos).equals(watched)) {
                return relative ? ch.write(src) : ch.write(src, pos);
            }
            long room = haltAt - count;
            if (haltAt >= 0 && src.remaining() > room) {
                // write the bytes before the chosen one, make them reach the kernel, then die
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + (int) room);
                while (part.hasRemaining()) {
                    pos += relative ? ch.write(part) : ch.write(part, pos);
                }
                Runtime.getRuntime().halt(HALTED);
            }
            int w = relative ? ch.write(src) : ch.write(src, pos);
            count += w;
            return w;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return guarded(src, ch.position(), true);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return guarded(src, position, false);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (haltAt < 0 && watched.equals(byPosition ? "data" : fixed)) {
                Runtime.getRuntime().halt(HALTED);
            }
            ch.force(metaData);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(n, 1 << 16));
            long done = 0;
            while (done < n) {
                b.clear().limit((int) Math.min(b.capacity(), n - done));
                int r = src.read(b);
                if (r <= 0) {
                    break;
                }
                b.flip();
                while (b.hasRemaining()) {
                    done += write(b, position + done);
                }
            }
            return done;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return ch.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return ch.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return ch.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            ch.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            ch.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long n, WritableByteChannel target) throws IOException {
            return ch.transferTo(position, n, target);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("a mapped write would bypass the crash point");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return ch.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return ch.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            ch.close();
        }
    }
}
