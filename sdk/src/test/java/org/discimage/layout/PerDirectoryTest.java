package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.ProgressListener;
import org.discimage.VolumeIdentifiers;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.pipeline.Cancellation;
import org.discimage.pipeline.ImageWriter;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Planning directories in parallel gives the image a sequential plan gives, and the same first failure. */
class PerDirectoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T22:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void back() {
        PerDirectory.sequential = false;
    }

    /** 24,000 files in 400 directories (enough for several tasks), with clashing and deep names. */
    private static Directory tree() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        for (int d = 0; d < 400; d++) {
            for (int f = 0; f < 60; f++) {
                // "x.y.txt" and "x_y.txt" map to one ISO 9660 name: numbered
                String name = f % 3 == 0 ? "file.name." + f + ".txt" : f % 3 == 1 ? "file_name_" + (f - 1) + ".txt"
                        : "Ä " + f;
                root.addFile("d" + d + "/" + name, new byte[f]);
            }
        }
        root.addFile("a/b/c/d/e/f/g/h/i/deep.txt", new byte[3]);
        return root;
    }

    private static byte[] image(Directory root, NamePolicy policy) throws IOException {
        Layout layout = IsoImagePlanner.plan(new PlanRequest(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET,
                FileSystem.ROCK_RIDGE), IsoLevel.LEVEL_2, policy, VolumeIdentifiers.defaults(), CLOCK.instant(), 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(Channels.newChannel(out));
        return out.toByteArray();
    }

    @Test
    void parallelAndSequentialPlansGiveTheSameImage() throws IOException {
        Directory root = tree();
        byte[] parallel = image(root, NamePolicy.MANGLE);
        PerDirectory.sequential = true;
        byte[] sequential = image(root, NamePolicy.MANGLE);
        assertArrayEquals(sequential, parallel);
    }

    @Test
    void theFirstFailingDirectoryInOrderIsReported() throws IOException {
        Directory root = tree();
        DiscImageException parallel = assertThrows(DiscImageException.class, () -> image(root, NamePolicy.STRICT));
        PerDirectory.sequential = true;
        DiscImageException sequential = assertThrows(DiscImageException.class, () -> image(root, NamePolicy.STRICT));
        assertEquals(ErrorCode.INVALID_PATH, parallel.code());
        assertEquals(sequential.getMessage(), parallel.getMessage());
        assertTrue(parallel.getMessage().contains("/a") || parallel.getMessage().contains("/d"), parallel.getMessage());
    }
}
