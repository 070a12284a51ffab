package org.discimage.source.archive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.X7875_NewUnix;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.source.Spool;
import org.discimage.source.WorkingDirectory;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;

/**
 * Grafts the entries of an archive into an image tree without unpacking it to disk: tar (plain or
 * compressed by any compressor Commons Compress detects and decodes without a native library:
 * gzip, bzip2 and xz are tested with the real tools; lzma, Unix compress, lz4 and snappy framing
 * go the same way untested), zip (and jar), cpio and 7z, read with Apache Commons Compress.
 *
 * <h2>How the data is read, and what it costs</h2>
 * <ul>
 * <li><b>Uncompressed tar</b> is indexed in place (one pass over the headers, the data skipped by
 * seeking); each file is a range of the archive file and the image writer moves it with
 * {@code transferTo} (zero copy). A sparse tar entry is spooled (its holes must be expanded).</li>
 * <li><b>zip</b>: the central directory is read once; a stored entry is a range of the archive
 * (zero copy), a deflated one is inflated from its range when the image is written (no archive
 * re-open, one {@link Inflater} per read). Other methods (bzip2, deflate64, ...) re-open the zip
 * per entry read, which re-reads the central directory: O(entries) per entry.</li>
 * <li><b>Compressed tar, cpio, 7z</b> are forward-only (7z is solid: one entry cannot be reached
 * without decompressing those before it in its block). They are decompressed exactly once, now,
 * and every file's data spooled into one spool file in the {@link WorkingDirectory} (IMAPI2
 * StageFiles semantics, space checked per entry before it is copied). Cost: one decompression,
 * one sequential write of the uncompressed data, and the spool's disk space until
 * {@link ArchiveSummary#spool()} is closed; re-reading the stream per entry instead would cost
 * O(n²) decompression and is not offered.</li>
 * </ul>
 * The heap holds the tree and a 64 KiB copy buffer, never file data: an entry claiming terabytes
 * costs disk (bounded by the working directory's space check), not memory.
 *
 * <h2>Names</h2>
 * An entry's name is split at {@code /}; {@code .} components are dropped (tar's {@code ./x} is
 * fine) and a trailing {@code /} marks a directory. Refused with {@code INVALID_PATH}, naming the
 * archive and the entry: a name starting with {@code /} (absolute), a {@code ..} component (also
 * between backslashes, which Windows readers would take as separators), a NUL, an empty component
 * ({@code a//b}) and a non-directory whose name is empty. An entry below a symbolic link the
 * archive created ({@code link -> /etc} then {@code link/passwd}, the "tar-slip" through a link)
 * is refused too: entries only ever go into the image tree, never onto the disk, so nothing can
 * escape, but a name below a link cannot be recorded. Link targets are recorded as they are.
 *
 * <h2>Duplicates</h2>
 * A later entry replaces an earlier one of the same name (as tar extraction does), with a
 * diagnostic; two directory entries merge, the later one's attributes winning. A directory never
 * replaces a non-directory or the reverse, and an archive entry never replaces an item that was in
 * the tree before the graft: both are refused with {@code DUP_NAME}.
 *
 * <h2>Attributes</h2>
 * Mode bits (07777), uid/gid, modification and (where recorded) access and change times are set on
 * each item; a time the archive lacks is the modification time. Implicit parent directories get
 * the tree clock's time. A tar hard link becomes a second file with the same content source
 * instance, which the tree takes for a hard link ({@link org.discimage.tree.FileItem}): the image
 * records the data once, and both names as links of one file. cpio hard links (newc: only the last
 * name carries the data) give every name that data's source, so they are links of one file as
 * well. Devices become device nodes (Rock Ridge only); fifos and sockets are left out with a
 * diagnostic.
 *
 * <p>A graft that fails leaves the tree as it was (what it added, the graft point included if it
 * created it, is taken out again; its spool is deleted), except for the attributes a directory
 * entry set on a directory that was in the tree before.
 */
public final class ArchiveSource {
    /** The longest symlink target read from an entry's data (PATH_MAX on Linux). */
    private static final int MAX_LINK_TARGET = 4096;
    /**
     * The most deflate can expand: 258 bytes from a 2-bit code plus a little per block gives
     * 1032:1 (zlib's technical notes); a zip entry claiming more from its compressed size lies.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;
    /**
     * tar and cpio headers hold names as bytes without a charset (pax "path" records are UTF-8,
     * POSIX.1-2008 pax); read them as UTF-8, what GNU tar and cpio write on a UTF-8 system, rather
     * than the JVM's default or Commons Compress's US-ASCII for cpio.
     */
    private static final String NAMES = StandardCharsets.UTF_8.name();
    /** The Info-ZIP "ux" extra field (0x7875) holding uid and gid. */
    private static final org.apache.commons.compress.archivers.zip.ZipShort UNIX_IDS = new X7875_NewUnix().getHeaderId();

    private ArchiveSource() {
    }

    /**
     * Puts the entries of {@code archive} under {@code imagePath} of {@code into} (created if
     * missing; {@code ""} or {@code "/"} is {@code into} itself).
     *
     * @return what was added, with the spool to close after the image is written (if any)
     * @throws DiscImageException {@code INVALID_PARAM} when the file is not an archive of a
     *                            supported format, {@code INVALID_PATH}/{@code DUP_NAME} for
     *                            entries refused (see the class comment),
     *                            {@code DATA_STREAM_READ_FAILURE} for a corrupt or truncated
     *                            archive, {@code WORKING_DIRECTORY_SPACE} when spooling lacks room
     */
    public static ArchiveSummary graft(Directory into, String imagePath, Path archive, ArchiveOptions options)
            throws IOException {
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(options, "options");
        boolean atRoot = imagePath == null || imagePath.chars().allMatch(c -> c == '/');
        String created = atRoot ? null : firstMissing(into, imagePath);
        Directory target = atRoot ? into : into.addDirectory(imagePath);
        String compressor;
        String format;
        try (InputStream in = new BufferedInputStream(open(archive))) {
            compressor = detectCompressor(in);
            if (compressor != null) {
                format = detectArchive(decompress(in, compressor, archive), archive, compressor);
            } else {
                format = detectArchive(in, archive, null);
            }
        }
        Grafter g = new Grafter(target, archive, options);
        String name = compressor == null ? format : format + "+" + compressor;
        try {
            if (compressor == null && format.equals(ArchiveStreamFactory.TAR)) {
                g.tarInPlace();
            } else if (compressor == null && (format.equals(ArchiveStreamFactory.ZIP)
                    || format.equals(ArchiveStreamFactory.JAR))) {
                g.zip();
            } else if (compressor == null && format.equals(ArchiveStreamFactory.SEVEN_Z)) {
                g.sevenZ();
            } else {
                try (InputStream raw = new BufferedInputStream(open(archive))) {
                    InputStream in = compressor == null ? raw : decompress(raw, compressor, archive);
                    if (format.equals(ArchiveStreamFactory.TAR)) {
                        g.tarStream(new TarArchiveInputStream(in, NAMES));
                    } else if (format.equals(ArchiveStreamFactory.CPIO)) {
                        g.cpio(new CpioArchiveInputStream(in, NAMES));
                    } else {
                        throw new DiscImageException(ErrorCode.INVALID_PARAM, archive + " is a " + name
                                + " archive; archive sources read tar, zip, cpio and 7z");
                    }
                }
            }
        } catch (DiscImageException | RuntimeException e) {
            g.undo(into, created);
            throw e;
        } catch (IOException e) {
            g.undo(into, created);
            throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE, "cannot read " + name + " archive "
                    + archive + (g.current == null ? "" : " at entry " + g.current) + ": " + e.getMessage(), e);
        }
        return new ArchiveSummary(name, g.files, g.directories, g.symlinks, g.devices,
                List.copyOf(g.skipped), g.spool);
    }

    /** The shortest prefix of {@code path} not yet in the tree under {@code into}, or null. */
    private static String firstMissing(Directory into, String path) {
        StringBuilder prefix = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(part);
            if (into.item(prefix.toString()).isEmpty()) {
                return prefix.toString();
            }
        }
        return null;
    }

    private static InputStream open(Path archive) throws DiscImageException {
        try {
            return Files.newInputStream(archive);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot open archive " + archive + ": " + e, e);
        }
    }

    private static String detectCompressor(InputStream in) {
        try {
            return CompressorStreamFactory.detect(in);
        } catch (CompressorException e) {
            return null; // no compressor signature: an archive itself, or not one at all
        }
    }

    private static InputStream decompress(InputStream in, String compressor, Path archive) throws DiscImageException {
        if (compressor.equals(CompressorStreamFactory.ZSTANDARD)) {
            // zstd-jni is a native library (one build per platform in the jar); discimage does not
            // bundle it, so .tar.zst is refused plainly instead of failing with a linkage error
            throw new DiscImageException(ErrorCode.INVALID_PARAM, archive + " is zstd-compressed, which archive sources"
                    + " do not read (it needs the native zstd-jni library); decompress it first (zstd -d "
                    + archive.getFileName() + "): a plain tar is then read in place");
        }
        try {
            return new BufferedInputStream(new CompressorStreamFactory().createCompressorInputStream(compressor, in, true));
        } catch (CompressorException e) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "cannot decompress " + archive + " (" + compressor + "): "
                    + e.getMessage(), e);
        }
    }

    private static String detectArchive(InputStream in, Path archive, String compressor) throws DiscImageException {
        try {
            return ArchiveStreamFactory.detect(in);
        } catch (ArchiveException e) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, archive + (compressor == null ? "" : " (" + compressor
                    + "-compressed)") + " is not an archive Commons Compress recognises: " + e.getMessage(), e);
        }
    }

    /** What an entry is, whatever the format. */
    private enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, BLOCK, CHARACTER, SKIP }

    /** One entry's name and attributes, whatever the format ({@code -1}/{@code null}: not recorded). */
    private static final class Meta {
        String name;
        Kind kind;
        int mode = -1;
        long uid = -1;
        long gid = -1;
        FileTime mtime;
        FileTime atime;
        FileTime ctime;
        String link;
        long major;
        long minor;
        String why;

        Meta(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    /** The state of one graft. */
    private static final class Grafter {
        final Directory root;
        final Path archive;
        final ArchiveOptions options;
        final Set<Item> ours = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<String> skipped = new ArrayList<>();
        /** cpio (dev, ino) of a name still waiting for its data (newc stores it with the last name). */
        final Map<String, List<FileItem>> pendingLinks = new HashMap<>();
        Spool spool;
        String current;
        int files;
        int directories;
        int symlinks;
        int devices;

        Grafter(Directory root, Path archive, ArchiveOptions options) {
            this.root = root;
            this.archive = archive;
            this.options = options;
        }

        String where() {
            return archive + "!/" + current;
        }

        Spool spool() throws DiscImageException {
            if (spool == null) {
                WorkingDirectory wd = options.workingDirectory() != null ? options.workingDirectory()
                        : WorkingDirectory.systemDefault();
                spool = wd.newSpool(archive.toString());
            }
            return spool;
        }

        /**
         * After a failure: takes what this graft added out of the tree again (the graft point too,
         * if it created it) and deletes the spool, so a refused archive leaves the tree as it was,
         * except for the attributes a directory entry set on a directory that was there before.
         */
        void undo(Directory into, String created) {
            closeSpool();
            for (Item i : ours) {
                Directory parent = i.parent();
                if (parent != null && !ours.contains(parent)) {
                    try {
                        parent.removeTree(i.name());
                    } catch (DiscImageException e) {
                        // already gone with a removed parent
                    }
                }
            }
            if (created != null) {
                try {
                    into.removeTree(created);
                } catch (DiscImageException e) {
                    // not there: nothing to undo
                }
            }
        }

        void closeSpool() {
            if (spool != null) {
                spool.close();
                spool = null;
            }
        }

        // ---- formats ----

        /**
         * One forward pass over the headers (the data is skipped by seeking, never read): each
         * regular member is the range that starts where its header ended. Streaming the index
         * rather than {@code TarFile} keeps no list of every entry in memory; the offset is the
         * count of bytes the tar reader took from the file when it returned the entry (it reads
         * whole 512-byte records, POSIX ustar, so no read-ahead crosses into the data).
         */
        void tarInPlace() throws IOException {
            long archiveSize = Files.size(archive);
            try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(archive));
                 TarArchiveInputStream tin = new TarArchiveInputStream(raw, NAMES)) {
                TarArchiveEntry e;
                while ((e = tin.getNextEntry()) != null) {
                    current = e.getName();
                    Meta m = tarMeta(e);
                    ContentSource src = null;
                    if (m.kind == Kind.FILE) {
                        if (e.isSparse()) {
                            // holes must be expanded: not a range of the archive
                            src = spool().append(tin, e.getRealSize(), where());
                        } else {
                            long off = raw.count;
                            if (off > archiveSize || e.getSize() > archiveSize - off) {
                                throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE, where() + " claims "
                                        + e.getSize() + " bytes at offset " + off + " of a " + archiveSize
                                        + "-byte archive (truncated or corrupt)");
                            }
                            src = ContentSource.slice(archive, off, e.getSize());
                        }
                    }
                    add(m, src);
                }
            }
        }

        void tarStream(TarArchiveInputStream tin) throws IOException {
            TarArchiveEntry e;
            while ((e = tin.getNextEntry()) != null) {
                current = e.getName();
                Meta m = tarMeta(e);
                ContentSource src = null;
                if (m.kind == Kind.FILE) {
                    src = spool().append(tin, e.getRealSize(), where());
                }
                add(m, src);
            }
        }

        Meta tarMeta(TarArchiveEntry e) {
            Kind k;
            if (e.isDirectory()) {
                k = Kind.DIRECTORY;
            } else if (e.isSymbolicLink()) {
                k = Kind.SYMLINK;
            } else if (e.isLink()) {
                k = Kind.HARDLINK;
            } else if (e.isBlockDevice()) {
                k = Kind.BLOCK;
            } else if (e.isCharacterDevice()) {
                k = Kind.CHARACTER;
            } else if (e.getLinkFlag() == TarConstants.LF_NORMAL || e.getLinkFlag() == TarConstants.LF_OLDNORM
                    || e.getLinkFlag() == TarConstants.LF_CONTIG || e.isSparse()) {
                // not isFile(): Commons Compress calls any type not a directory a file, fifos included
                k = Kind.FILE;
            } else {
                k = Kind.SKIP;
            }
            Meta m = new Meta(e.getName(), k);
            m.mode = e.getMode() & 07777;
            m.uid = e.getLongUserId();
            m.gid = e.getLongGroupId();
            m.mtime = e.getLastModifiedTime();
            m.atime = e.getLastAccessTime();
            m.ctime = e.getStatusChangeTime();
            m.link = e.getLinkName();
            m.major = e.getDevMajor();
            m.minor = e.getDevMinor();
            if (k == Kind.SKIP) {
                m.why = e.isFIFO() ? "a fifo" : "a tar entry of type '" + (char) e.getLinkFlag() + "'";
            }
            return m;
        }

        void cpio(CpioArchiveInputStream cin) throws IOException {
            CpioArchiveEntry e;
            while ((e = cin.getNextEntry()) != null) {
                current = e.getName();
                Kind k;
                if (e.isDirectory()) {
                    k = Kind.DIRECTORY;
                } else if (e.isSymbolicLink()) {
                    k = Kind.SYMLINK;
                } else if (e.isRegularFile()) {
                    k = Kind.FILE;
                } else if (e.isBlockDevice()) {
                    k = Kind.BLOCK;
                } else if (e.isCharacterDevice()) {
                    k = Kind.CHARACTER;
                } else {
                    k = Kind.SKIP;
                }
                Meta m = new Meta(e.getName(), k);
                m.mode = (int) (e.getMode() & 07777);
                m.uid = e.getUID();
                m.gid = e.getGID();
                m.mtime = FileTime.fromMillis(e.getTime() * 1000);
                boolean newFormat = (e.getFormat() & CpioConstants.FORMAT_NEW_MASK) != 0;
                if (k == Kind.BLOCK || k == Kind.CHARACTER) {
                    if (newFormat) {
                        m.major = e.getRemoteDeviceMaj();
                        m.minor = e.getRemoteDeviceMin();
                    } else {
                        // old formats pack rdev as the kernel's old 16-bit dev_t: major in the high byte
                        m.major = (e.getRemoteDevice() >> 8) & 0xFF;
                        m.minor = e.getRemoteDevice() & 0xFF;
                    }
                }
                if (k == Kind.SKIP) {
                    m.why = e.isPipe() ? "a fifo" : e.isSocket() ? "a socket" : "a cpio entry of mode 0"
                            + Long.toOctalString(e.getMode());
                }
                ContentSource src = null;
                if (k == Kind.SYMLINK) {
                    m.link = readTarget(cin, e.getSize());
                } else if (k == Kind.FILE) {
                    src = spool().append(cin, e.getSize(), where());
                }
                Item added = add(m, src);
                if (k == Kind.FILE && e.getNumberOfLinks() > 1 && added instanceof FileItem f) {
                    // newc (and crc) write a hard-linked file's data with its last name only, the
                    // earlier names with size 0: give those the data when it comes
                    String key = (newFormat ? e.getDeviceMaj() + ":" + e.getDeviceMin() : String.valueOf(e.getDevice()))
                            + ":" + e.getInode();
                    List<FileItem> waiting = pendingLinks.computeIfAbsent(key, x -> new ArrayList<>(2));
                    if (e.getSize() > 0) {
                        for (FileItem w : waiting) {
                            if (w.parent() != null && w.size() == 0) {
                                w.setSource(src);
                            }
                        }
                        pendingLinks.remove(key);
                    } else {
                        waiting.add(f);
                    }
                }
            }
        }

        void zip() throws IOException {
            long archiveSize = Files.size(archive);
            try (ZipFile zf = ZipFile.builder().setPath(archive).get()) {
                Enumeration<ZipArchiveEntry> en = zf.getEntriesInPhysicalOrder();
                while (en.hasMoreElements()) {
                    ZipArchiveEntry e = en.nextElement();
                    current = e.getName();
                    Kind k = e.isDirectory() ? Kind.DIRECTORY : e.isUnixSymlink() ? Kind.SYMLINK : Kind.FILE;
                    Meta m = new Meta(e.getName(), k);
                    if (e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && e.getUnixMode() != 0) {
                        m.mode = e.getUnixMode() & 07777;
                    }
                    if (e.getExtraField(UNIX_IDS) instanceof X7875_NewUnix ids) {
                        m.uid = ids.getUID();
                        m.gid = ids.getGID();
                    }
                    m.mtime = e.getLastModifiedTime();
                    m.atime = e.getLastAccessTime();
                    ContentSource src = null;
                    if (k != Kind.DIRECTORY && e.getGeneralPurposeBit().usesEncryption()) {
                        throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                                "cannot read " + where() + ": the entry is encrypted");
                    }
                    if (k == Kind.SYMLINK) {
                        if (e.getSize() > MAX_LINK_TARGET) {
                            throw new DiscImageException(ErrorCode.INVALID_PATH, where() + " is a symbolic link claiming a "
                                    + e.getSize() + "-byte target; at most " + MAX_LINK_TARGET + " are read");
                        }
                        m.link = zf.getUnixSymlink(e);
                    } else if (k == Kind.FILE) {
                        src = zipSource(e, archiveSize);
                    }
                    add(m, src);
                }
            }
        }

        ContentSource zipSource(ZipArchiveEntry e, long archiveSize) throws IOException {
            long size = e.getSize();
            long csize = e.getCompressedSize();
            long off = e.getDataOffset();
            if (size < 0 || csize < 0 || off < 0 || off > archiveSize || csize > archiveSize - off) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE, where() + " claims " + csize
                        + " compressed bytes at offset " + off + " of a " + archiveSize + "-byte zip (corrupt or truncated)");
            }
            String what = where();
            if (e.getMethod() == ZipArchiveEntry.STORED) {
                if (size != csize) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, what + " is stored (not compressed)"
                            + " but its central directory gives " + size + " bytes and " + csize + " compressed");
                }
                return ContentSource.slice(archive, off, size);
            }
            if (e.getMethod() == ZipArchiveEntry.DEFLATED) {
                if (size / MAX_DEFLATE_RATIO > csize + 1) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, what + " claims " + size
                            + " bytes from " + csize + " deflated ones; deflate cannot expand more than "
                            + MAX_DEFLATE_RATIO + ":1, so the central directory lies");
                }
                Path file = archive;
                return ContentSource.of(() -> inflate(file, archiveSize, off, csize, what), size, what);
            }
            // rarer methods (bzip2, deflate64, xz, ...): Commons Compress decodes them; the zip is
            // re-opened per read (its central directory read again) since no handle outlives graft()
            String name = e.getName();
            Path file = archive;
            return ContentSource.of(() -> {
                ZipFile z = ZipFile.builder().setPath(file).get();
                ZipArchiveEntry again = null;
                for (ZipArchiveEntry c : z.getEntries(name)) {
                    if (c.getDataOffset() == off) {
                        again = c;
                    }
                }
                if (again == null) {
                    z.close();
                    throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, what + " is no longer in the zip");
                }
                return new FilterInputStream(z.getInputStream(again)) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            z.close();
                        }
                    }
                };
            }, size, what);
        }

        static InputStream inflate(Path file, long archiveSize, long off, long csize, String what) throws IOException {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            if (ch.size() != archiveSize) {
                ch.close();
                throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "cannot read " + what + ": " + file
                        + " changed size after it was indexed");
            }
            // the compressed bytes only, so a lying entry cannot read into the next one
            InputStream raw = Channels.newInputStream(ch.position(off));
            InputStream bounded = new BoundedInputStream(raw, csize);
            Inflater inf = new Inflater(true); // zip stores raw deflate (APPNOTE 4.4.5 method 8, RFC 1951)
            return new InflaterInputStream(bounded, inf, 64 * 1024) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        inf.end(); // the native zlib state; not freed by close() for a caller's Inflater
                    }
                }
            };
        }

        void sevenZ() throws IOException {
            try (SevenZFile sz = SevenZFile.builder().setPath(archive).get()) {
                SevenZArchiveEntry e;
                InputStream current7z = new InputStream() {
                    @Override
                    public int read() throws IOException {
                        return sz.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return sz.read(b, off, len);
                    }
                };
                while ((e = sz.getNextEntry()) != null) {
                    current = e.getName();
                    if (e.isAntiItem()) {
                        skip(e.getName(), "a 7z anti-item (a deletion mark of an update archive)");
                        continue;
                    }
                    int unix = -1;
                    // p7zip keeps the POSIX st_mode in the high 16 bits, flagged by 0x8000
                    if (e.getHasWindowsAttributes() && (e.getWindowsAttributes() & 0x8000) != 0) {
                        unix = e.getWindowsAttributes() >>> 16;
                    }
                    Kind k = e.isDirectory() ? Kind.DIRECTORY
                            : unix >= 0 && (unix & 0170000) == 0120000 ? Kind.SYMLINK : Kind.FILE;
                    Meta m = new Meta(e.getName(), k);
                    if (unix >= 0) {
                        m.mode = unix & 07777;
                    }
                    if (e.getHasLastModifiedDate()) {
                        m.mtime = e.getLastModifiedTime();
                    }
                    if (e.getHasAccessDate()) {
                        m.atime = e.getAccessTime();
                    }
                    ContentSource src = null;
                    if (k == Kind.SYMLINK) {
                        m.link = readTarget(current7z, e.getSize());
                    } else if (k == Kind.FILE) {
                        src = e.hasStream() ? spool().append(current7z, e.getSize(), where()) : ContentSource.zeros(0);
                    }
                    add(m, src);
                }
            }
        }

        String readTarget(InputStream in, long size) throws IOException {
            if (size > MAX_LINK_TARGET || size < 1) {
                throw new DiscImageException(ErrorCode.INVALID_PATH, where() + " is a symbolic link with a " + size
                        + "-byte target; 1 to " + MAX_LINK_TARGET + " bytes are accepted");
            }
            byte[] b = new byte[(int) size];
            int got = 0;
            while (got < b.length) {
                int n = in.read(b, got, b.length - got);
                if (n < 0) {
                    throw new EOFException("the link target ends after " + got + " of " + size + " bytes");
                }
                got += n;
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        // ---- placing entries ----

        void skip(String name, String why) {
            String line = archive + "!/" + name + ": left out, " + why;
            skipped.add(line);
            options.diagnostics().accept(line);
        }

        /** Adds one entry; returns the item (null when skipped or the root itself). */
        Item add(Meta m, ContentSource src) throws IOException {
            if (m.kind == Kind.SKIP) {
                skip(m.name, m.why);
                return null;
            }
            List<String> parts = normalise(m.name);
            if (parts.isEmpty()) {
                if (m.kind == Kind.DIRECTORY) {
                    return null; // "./": the graft point itself, whose attributes are the caller's
                }
                throw refuse(ErrorCode.INVALID_PATH, "has an empty name");
            }
            Directory dir = root;
            for (int i = 0; i < parts.size() - 1; i++) {
                String p = parts.get(i);
                Optional<Item> c = dir.child(p);
                if (c.isEmpty()) {
                    dir = dir.addDirectory(p);
                    ours.add(dir);
                } else if (c.get() instanceof Directory d) {
                    dir = d;
                } else if (c.get() instanceof SymlinkItem s) {
                    throw refuse(ErrorCode.INVALID_PATH, "lies below " + s.path() + ", a symbolic link to "
                            + s.target() + " (entries never leave the image tree, but one below a link cannot be recorded)");
                } else {
                    throw refuse(ErrorCode.NOT_DIR, "lies below " + c.get().path() + ", which is not a directory");
                }
            }
            String name = parts.get(parts.size() - 1);
            Optional<Item> old = dir.child(name);
            if (old.isPresent()) {
                Item o = old.get();
                boolean oldDir = o instanceof Directory;
                if (oldDir && m.kind == Kind.DIRECTORY) {
                    attributes(o, m);
                    directories++;
                    return o;
                }
                if (!ours.contains(o)) {
                    throw refuse(ErrorCode.DUP_NAME, "is named like " + o.path() + ", which was in the tree before");
                }
                if (oldDir || m.kind == Kind.DIRECTORY) {
                    throw refuse(ErrorCode.DUP_NAME, "would replace " + o.path() + ", a " + o.type().name().toLowerCase()
                            + " of the same archive, by a " + (m.kind == Kind.DIRECTORY ? "directory" : "non-directory"));
                }
                if (m.kind != Kind.HARDLINK) {
                    dir.remove(name);
                    ours.remove(o);
                    String line = archive + "!/" + m.name + ": replaces the earlier entry of the same name";
                    options.diagnostics().accept(line);
                }
            }
            Item item;
            switch (m.kind) {
                case DIRECTORY -> {
                    item = dir.addDirectory(name);
                    directories++;
                }
                case FILE -> {
                    item = dir.addFile(name, src);
                    files++;
                }
                case SYMLINK -> {
                    if (m.link == null || m.link.isEmpty() || m.link.indexOf('\0') >= 0) {
                        throw refuse(ErrorCode.INVALID_PATH, "is a symbolic link with an empty target or one with a NUL");
                    }
                    item = dir.addSymlink(name, m.link);
                    symlinks++;
                }
                case HARDLINK -> {
                    item = hardLink(dir, name, m, old);
                    files++;
                }
                case BLOCK, CHARACTER -> {
                    item = dir.addDevice(name, m.kind == Kind.BLOCK ? DeviceItem.Kind.BLOCK : DeviceItem.Kind.CHARACTER,
                            m.major, m.minor);
                    devices++;
                }
                default -> throw new IllegalStateException(m.kind.toString());
            }
            ours.add(item);
            attributes(item, m);
            return item;
        }

        /** A tar hard link: a new name for an earlier entry's content (tar's link target is a member name). */
        Item hardLink(Directory dir, String name, Meta m, Optional<Item> old) throws IOException {
            List<String> tparts = normaliseLinkTarget(m.link);
            Item t = root;
            for (String p : tparts) {
                t = t instanceof Directory d ? d.child(p).orElse(null) : null;
                if (t == null) {
                    break;
                }
            }
            if (!(t instanceof FileItem f) || !ours.contains(t)) {
                throw refuse(ErrorCode.ITEM_NOT_FOUND, "is a hard link to " + m.link
                        + ", which is not a regular file earlier in the archive");
            }
            if (old.isPresent()) {
                if (old.get() == t) {
                    return t; // a link to itself: nothing to do
                }
                dir.remove(name);
                ours.remove(old.get());
            }
            return dir.addFile(name, f.source());
        }

        List<String> normaliseLinkTarget(String link) throws DiscImageException {
            if (link == null || link.isEmpty()) {
                throw refuse(ErrorCode.INVALID_PATH, "is a hard link without a target");
            }
            String saved = current;
            List<String> parts = normalise(link);
            current = saved;
            return parts;
        }

        void attributes(Item item, Meta m) {
            if (m.mode >= 0) {
                item.setMode(m.mode);
            }
            if (m.uid >= 0 && m.gid >= 0 && m.uid <= Integer.MAX_VALUE && m.gid <= Integer.MAX_VALUE) {
                item.setOwner((int) m.uid, (int) m.gid);
            }
            if (m.mtime != null) {
                Instant mt = m.mtime.toInstant();
                Instant at = m.atime != null ? m.atime.toInstant() : mt;
                Instant ct = m.ctime != null ? m.ctime.toInstant() : mt;
                item.setTimes(mt, at, ct);
            }
        }

        /** The entry's name as checked components; see the class comment for the rule. */
        List<String> normalise(String raw) throws DiscImageException {
            if (raw.indexOf('\0') >= 0) {
                throw refuse(ErrorCode.INVALID_PATH, "has a NUL in its name");
            }
            if (raw.startsWith("/")) {
                throw refuse(ErrorCode.INVALID_PATH, "has an absolute name");
            }
            String s = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            List<String> parts = new ArrayList<>();
            if (s.isEmpty()) {
                return parts;
            }
            for (String p : s.split("/", -1)) {
                if (p.isEmpty()) {
                    throw refuse(ErrorCode.INVALID_PATH, "has an empty name component");
                }
                if (p.equals("..")) {
                    throw refuse(ErrorCode.INVALID_PATH, "has a '..' component, which would escape the graft point");
                }
                if (p.indexOf('\\') >= 0) {
                    for (String q : p.split("\\\\", -1)) {
                        if (q.equals("..")) {
                            throw refuse(ErrorCode.INVALID_PATH, "has a '..' between backslashes, which Windows"
                                    + " readers would take as a path escaping the graft point");
                        }
                    }
                }
                if (!p.equals(".")) {
                    parts.add(p);
                }
            }
            return parts;
        }

        DiscImageException refuse(ErrorCode code, String what) {
            String shown = current == null ? "?" : current.replace("\0", "\\0");
            return new DiscImageException(code, "archive " + archive + ": entry \"" + shown + "\" " + what);
        }
    }

    /** Counts the bytes read and skipped (no buffering of its own). */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += k;
            return k;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would make the count wrong
        }
    }

    /** At most {@code left} bytes of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
