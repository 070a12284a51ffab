/**
 * Recording, in the spirit of IMAPI2 (docs/imapi2.md §2): {@link org.discimage.recorder.DiscMaster} lists and
 * opens recorders (Linux SG_IO, Windows SPTI, or the emulated drive); a
 * {@link org.discimage.recorder.DiscRecorder} (IDiscRecorder2) tells identity, profiles and the disc's state and
 * hands out the disc's multisession interface for {@code FileSystemImage.setMultisessionInterfaces}; a
 * {@link org.discimage.recorder.DataWriter} (IDiscFormat2Data) records an {@code ImageResult} as the next session
 * of a sequential disc (CD-R/RW, DVD±R, DVD-RW sequential, BD-R) with progress, cancel, closing and read-back
 * verification; an {@link org.discimage.recorder.Eraser} (IDiscFormat2Erase) blanks or formats rewritable media.
 * The MMC commands and the transports behind them stay internal.
 */
package org.discimage.recorder;
