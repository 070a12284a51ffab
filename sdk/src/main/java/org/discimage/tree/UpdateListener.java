package org.discimage.tree;

/**
 * Receives the decisions of {@link Directory#updateTree}, one per path, in the order they are
 * taken (host directory entries in name order). An added or removed directory is reported once,
 * for its own path, not for each item beneath it.
 */
@FunctionalInterface
public interface UpdateListener {
    /** A listener that ignores every decision (no path string is built for it). */
    UpdateListener NONE = (path, decision) -> { };

    /**
     * One decision.
     *
     * @param path     the absolute path in the tree, e.g. {@code /docs/a.txt}
     * @param decision what was done with it
     */
    void decided(String path, UpdateDecision decision);
}
