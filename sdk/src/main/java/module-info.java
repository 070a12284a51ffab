/**
 * discimage: ISO 9660 / Joliet / Rock Ridge disc images built from a tree of files, planned in full
 * before a byte is written and streamed lazily, sector-aligned, to a file, channel or stream.
 */
module org.discimage {
    requires org.apache.commons.io;
    requires com.sun.jna;

    exports org.discimage;
    exports org.discimage.error;
    exports org.discimage.importer;
    exports org.discimage.source;
    exports org.discimage.tree;
}
