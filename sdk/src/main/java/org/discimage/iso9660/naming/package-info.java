/**
 * ISO 9660 name projection (ECMA-119 7.5, 7.6, 9.3, 10): {@link org.discimage.iso9660.naming.IsoNames}
 * maps user names to level 1–3 identifiers; {@link org.discimage.iso9660.naming.UniqueNames} holds the
 * deterministic collision rule shared with the Joliet projection. Internal: not exported.
 */
package org.discimage.iso9660.naming;
