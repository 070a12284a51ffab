/**
 * discimage: ISO 9660 / Joliet / Rock Ridge disc images built from a tree of files, planned in full
 * before a byte is written and streamed lazily, sector-aligned, to a file, channel or stream.
 */
module org.discimage {
    requires org.apache.commons.io;
    requires org.apache.commons.compress;
    // commons-compress loads xz (for .tar.xz) reflectively; requiring it puts it into the module graph
    requires org.tukaani.xz;
    requires com.sun.jna;

    exports org.discimage;
    exports org.discimage.error;
    exports org.discimage.importer;
    exports org.discimage.media;
    exports org.discimage.recorder;
    exports org.discimage.source;
    exports org.discimage.source.archive;
    exports org.discimage.span;
    exports org.discimage.tree;
}
