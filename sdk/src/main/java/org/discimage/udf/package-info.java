/**
 * ECMA-167 (3rd edition) and OSTA UDF 1.02-2.60 records: one immutable record per on-disc structure,
 * each with a strict static {@code decode(ByteBuffer)} (only {@code MALFORMED_STRUCTURE} comes out of
 * malformed input; every length is checked before anything is allocated), an {@code encode(ByteBuffer)}
 * that computes the descriptor tag's CRC and checksum, and its length. Not exported from the module:
 * the importer reads with these records and the writer will write with them.
 */
package org.discimage.udf;
