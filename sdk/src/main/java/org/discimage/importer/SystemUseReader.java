package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.rockridge.AlternateName;
import org.discimage.rockridge.ChildLink;
import org.discimage.rockridge.ParentLink;
import org.discimage.rockridge.PosixFileAttributes;
import org.discimage.rockridge.RelocatedDirectory;
import org.discimage.rockridge.SymbolicLink;
import org.discimage.rockridge.SystemUseEntries;
import org.discimage.rockridge.TimeStamps;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.SuspEntry;

/**
 * Reads the SUSP / Rock Ridge entries of a directory record (SUSP 1.12, RRIP 1.12), following
 * continuation areas (CE) with a bound on the chain.
 */
final class SystemUseReader {
    /** CE hops followed per record (Linux follows 32). */
    static final int MAX_CONTINUATIONS = 32;

    private final SectorReader sectors;
    private final int skip;

    SystemUseReader(SectorReader sectors, int skip) {
        this.sectors = sectors;
        this.skip = skip;
    }

    /** The Rock Ridge attributes of a record; {@code rootDot} for the root's "." (no LEN_SKP skip). */
    RockRidgeAttributes read(RecordRef record, boolean rootDot) throws IOException {
        RockRidgeAttributes a = new RockRidgeAttributes();
        ByteBuffer area = record.systemUse().duplicate();
        if (!rootDot && skip > 0) {
            area.position(Math.min(area.limit(), skip));
        }
        List<AlternateName> names = new ArrayList<>();
        List<SymbolicLink> links = new ArrayList<>();
        int hops = 0;
        while (area != null) {
            List<SuspEntry> entries;
            try {
                entries = SystemUseEntries.decode(area);
            } catch (DiscImageException e) {
                throw Malformed.at("System Use area", record.lba(), record.offset(), e.getMessage());
            }
            area = null;
            for (SuspEntry e : entries) {
                if (e instanceof AlternateName nm) {
                    names.add(nm);
                } else if (e instanceof SymbolicLink sl) {
                    links.add(sl);
                } else if (e instanceof PosixFileAttributes px) {
                    a.mode = (int) px.mode();
                    a.uid = px.uid();
                    a.gid = px.gid();
                } else if (e instanceof TimeStamps tf && (tf.flags() & TimeStamps.MODIFY) != 0) {
                    int index = Integer.bitCount(tf.flags() & (TimeStamps.MODIFY - 1));
                    a.modified = Instant.ofEpochSecond(tf.epochSeconds()[index]);
                } else if (e instanceof ChildLink cl) {
                    a.childLink = cl.childDirectoryLocation();
                } else if (e instanceof ParentLink pl) {
                    a.parentLink = pl.parentDirectoryLocation();
                } else if (e instanceof RelocatedDirectory) {
                    a.relocated = true;
                } else if (e instanceof ContinuationArea ce) {
                    if (++hops > MAX_CONTINUATIONS) {
                        throw Malformed.at("SUSP CE chain", record.lba(), record.offset(),
                                "more than " + MAX_CONTINUATIONS + " continuation areas");
                    }
                    area = continuation(ce, record);
                }
            }
        }
        if (!names.isEmpty()) {
            a.name = new String(AlternateName.join(names), StandardCharsets.UTF_8);
        }
        if (!links.isEmpty()) {
            a.symlinkTarget = SymbolicLink.target(links);
        }
        return a;
    }

    private ByteBuffer continuation(ContinuationArea ce, RecordRef record) throws IOException {
        if (ce.offset() + ce.lengthOfContinuationArea() > 2048 || ce.blockLocation() >= sectors.sectorCount()) {
            throw Malformed.at("SUSP CE", record.lba(), record.offset(), "continuation area at block "
                    + ce.blockLocation() + " offset " + ce.offset() + " length " + ce.lengthOfContinuationArea()
                    + " lies outside one block of the medium");
        }
        ByteBuffer block = ByteBuffer.allocate(2048);
        sectors.read(ce.blockLocation(), block);
        block.flip();
        block.position((int) ce.offset()).limit((int) (ce.offset() + ce.lengthOfContinuationArea()));
        return block.slice();
    }
}
