package org.discimage.span;

import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.source.ContentSource;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;

/** Builds the tree of one disc from its pieces, copying the attributes of every item and directory. */
final class DiscTrees {
    private DiscTrees() {
    }

    /**
     * A fresh image from {@code options.images()} holding {@code pieces} and the catalog
     * {@code catalog} in its root; its budget is left at 0 so that callers can measure an image over
     * the capacity.
     */
    static FileSystemImage build(SpanOptions options, Directory sourceRoot, List<Piece> pieces,
                                 ContentSource catalog) throws DiscImageException {
        FileSystemImage image = options.images().create();
        image.setFreeMediaBlocks(0);
        Directory root = image.root();
        copyAttributes(sourceRoot, root);
        for (Piece p : pieces) {
            Directory dir = directory(root, p.parent());
            Item made;
            if (p.item() instanceof FileItem) {
                made = dir.addFile(p.name(), p.content());
            } else if (p.item() instanceof SymlinkItem s) {
                made = dir.addSymlink(p.name(), s.target());
            } else if (p.item() instanceof DeviceItem d) {
                made = dir.addDevice(p.name(), d.kind(), d.major(), d.minor());
            } else {
                made = directory(root, (Directory) p.item());
            }
            copyAttributes(p.item(), made);
        }
        root.addFile(options.catalogName(), catalog);
        return image;
    }

    /** The disc's copy of source directory {@code source}, made (with its parents) when missing. */
    private static Directory directory(Directory discRoot, Directory source) throws DiscImageException {
        if (source.parent() == null) {
            return discRoot;
        }
        Directory parent = directory(discRoot, source.parent());
        var existing = parent.child(source.name());
        if (existing.isPresent()) {
            return (Directory) existing.get();
        }
        Directory made = parent.addDirectory(source.name());
        copyAttributes(source, made);
        return made;
    }

    private static void copyAttributes(Item from, Item to) {
        to.setMode(from.mode());
        to.setOwner(from.uid(), from.gid());
        to.setTimes(from.lastModified(), from.lastAccessed(), from.attributesChanged());
        to.setHidden(from.isHidden());
    }
}
