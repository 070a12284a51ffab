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
        Layout layout = UdfImagePlanner.plan(request, maxExtent);
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(ch);
        }
        return layout;
    }
}
