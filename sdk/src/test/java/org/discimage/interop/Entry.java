package org.discimage.interop;

import java.util.Objects;

/**
 * One entry as a reader sees it. Unknown facts are {@code -1} / {@code null}: readers differ in what
 * they can report (7-Zip has no modes, isoinfo without -R no symlinks, ...).
 *
 * @param path   absolute path in the image, "/" separated, no trailing slash
 * @param type   file, directory or symbolic link
 * @param size   file size in bytes, -1 for directories, links or unknown
 * @param sha256 hex SHA-256 of a file's content, null when not read
 * @param mode   permission bits (07777), null when the reader has none
 * @param target symbolic link target, null for non-links
 */
record Entry(String path, Type type, long size, String sha256, Integer mode, String target) {

    enum Type { FILE, DIR, SYMLINK }

    Entry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    static Entry dir(String path, Integer mode) {
        return new Entry(path, Type.DIR, -1, null, mode, null);
    }

    static Entry file(String path, long size, String sha256, Integer mode) {
        return new Entry(path, Type.FILE, size, sha256, mode, null);
    }

    static Entry symlink(String path, String target, Integer mode) {
        return new Entry(path, Type.SYMLINK, -1, null, mode, target);
    }

    /** The last path component. */
    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The parent path ("/" for top-level entries). */
    String parent() {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    Entry withPath(String p) {
        return new Entry(p, type, size, sha256, mode, target);
    }

    Entry withContent(long newSize, String newSha) {
        return new Entry(path, type, newSize, newSha, mode, target);
    }

    Entry withMode(Integer m) {
        return new Entry(path, type, size, sha256, m, target);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(type.name().toLowerCase());
        if (type == Type.FILE) {
            sb.append(" size=").append(size);
            if (sha256 != null) {
                sb.append(" sha256=").append(sha256, 0, Math.min(12, sha256.length()));
            }
        }
        if (mode != null) {
            sb.append(" mode=").append(String.format("%04o", mode));
        }
        if (target != null) {
            sb.append(" -> ").append(target);
        }
        return sb.toString();
    }
}
