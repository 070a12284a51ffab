package org.discimage.layout;

import org.discimage.error.DiscImageException;

/** Plans an ISO 9660 / Joliet / Rock Ridge image (placeholder while the planner is written). */
public final class IsoImagePlanner {
    private IsoImagePlanner() {
    }

    /** Plans the image. */
    public static Layout plan(PlanRequest request) throws DiscImageException {
        throw new UnsupportedOperationException("planner not written yet");
    }
}
