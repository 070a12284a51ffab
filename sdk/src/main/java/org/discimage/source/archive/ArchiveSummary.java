package org.discimage.source.archive;

import java.util.List;
import org.discimage.source.Spool;

/**
 * What {@link ArchiveSource#graft} put into the tree.
 *
 * @param format      the archive format as Commons Compress names it ("tar", "zip", "cpio", "7z"),
 *                    with the compressor ("tar+gz") where there is one
 * @param files       regular files added (hard links included)
 * @param directories directories added or updated by an entry
 * @param symlinks    symbolic links added
 * @param devices     device nodes added
 * @param skipped     the entries left out, one line each (fifos, sockets, 7z anti-items)
 * @param spool       the spool holding the data of a forward-only archive, or {@code null} when
 *                    the archive is read in place; close it once the image is written
 */
public record ArchiveSummary(String format, int files, int directories, int symlinks, int devices,
        List<String> skipped, Spool spool) {
}
