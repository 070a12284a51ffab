package org.discimage.layout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.discimage.ProgressListener;
import org.discimage.error.DiscImageException;
import org.discimage.pipeline.Cancellation;
import org.discimage.pipeline.ImageWriter;

/** Test access to planner knobs that the API does not offer (for tests in other packages). */
public final class UdfTestPlans {
    private UdfTestPlans() {
    }

    /**
     * Writes the UDF-only image of {@code request} with data extents of {@code maxExtent} bytes
     * (whole blocks), so that small files need allocation extent descriptors.
     */
    public static Layout writeUdf(PlanRequest request, long maxExtent, Path out) throws DiscImageException, IOException {
        return write(UdfImagePlanner.plan(request, maxExtent), out);
    }

    /** Writes the UDF-only image of {@code request} with small files and directories embedded in their File Entries. */
    public static Layout writeUdfEmbedded(PlanRequest request, Path out) throws DiscImageException, IOException {
        return write(UdfImagePlanner.planEmbedded(request), out);
    }

    /** The number of blocks of the UDF-only image of {@code request}, with or without embedding. */
    public static long udfSectors(PlanRequest request, boolean embedded) throws DiscImageException {
        return (embedded ? UdfImagePlanner.planEmbedded(request) : UdfImagePlanner.plan(request)).totalSectors();
    }

    private static Layout write(Layout layout, Path out) throws IOException {
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(ch);
        }
        return layout;
    }
}
