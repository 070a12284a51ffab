/**
 * An MMC recorder emulated behind the {@link org.discimage.recorder.transport.ScsiTransport} SPI
 * ({@link org.discimage.recorder.emulated.EmulatedDrive}), so that the recording code can be exercised without
 * hardware and the written disc read by other tools. Its disc is persisted in files: for CD-R/RW, DVD-R/RW,
 * DVD+R and BD-R an image file and a sidecar TOC ({@link org.discimage.media.SequentialImageMedium}); for
 * DVD+RW and BD-RE a flat image file and a sidecar state file. The drive's CDB dispatcher, the medium
 * strategies, the write parameters page, the speed/buffer model and the injected faults are separate
 * package-private classes.
 */
package org.discimage.recorder.emulated;
