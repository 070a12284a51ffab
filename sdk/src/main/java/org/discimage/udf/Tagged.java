package org.discimage.udf;

/** Argument checks shared by the tagged descriptors. */
final class Tagged {
    private Tagged() {
    }

    /** IllegalArgumentException unless the tag carries {@code identifier}. */
    static void check(DescriptorTag tag, int identifier) {
        java.util.Objects.requireNonNull(tag, "tag");
        if (tag.identifier() != identifier) {
            throw new IllegalArgumentException("tag identifier " + tag.identifier() + " where " + identifier
                    + " is required");
        }
    }
}
