package org.discimage.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.discimage.iso9660.PathTableRecord;

/**
 * A path table (ECMA-119 9.4): one record per directory in path table order, little-endian numbers
 * for the type L table and big-endian for type M. Records may run across sectors.
 */
final class PathTableProducer implements SectorProducer {
    private final List<PlanDir> dirs;
    private final ByteOrder order;
    private final Function<PlanDir, byte[]> identifier;
    private final ToLongFunction<PlanDir> location;
    private final java.util.function.ToIntFunction<PlanDir> parentNumber;
    private ByteBuffer table;

    PathTableProducer(List<PlanDir> dirs, ByteOrder order, Function<PlanDir, byte[]> identifier,
                      ToLongFunction<PlanDir> location, java.util.function.ToIntFunction<PlanDir> parentNumber) {
        this.dirs = dirs;
        this.order = order;
        this.identifier = identifier;
        this.location = location;
        this.parentNumber = parentNumber;
    }

    /** The table size in bytes (ECMA-119 8.4.14). */
    static long size(List<PlanDir> dirs, Function<PlanDir, byte[]> identifier) {
        long size = 0;
        for (PlanDir d : dirs) {
            size += PathTableRecord.length(identifier.apply(d).length);
        }
        return size;
    }

    @Override
    public void next(ByteBuffer dst) {
        if (table == null) {
            // at most 65,535 directories of at most 40 bytes: bounded, so materialised at once
            long size = size(dirs, identifier);
            table = ByteBuffer.allocate((int) ((size + SECTOR_SIZE - 1) / SECTOR_SIZE * SECTOR_SIZE));
            for (PlanDir d : dirs) {
                new PathTableRecord(0, location.applyAsLong(d), parentNumber.applyAsInt(d), identifier.apply(d))
                        .encode(table, order);
            }
            table.clear();
        }
        ByteBuffer slice = table.duplicate();
        slice.limit(slice.position() + SECTOR_SIZE);
        dst.put(slice);
        table.position(table.position() + SECTOR_SIZE);
    }
}
