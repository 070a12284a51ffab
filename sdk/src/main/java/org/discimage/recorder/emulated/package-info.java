/**
 * An MMC recorder emulated behind the {@link org.discimage.recorder.transport.ScsiTransport} SPI, its disc
 * persisted in an image file and a sidecar TOC ({@link org.discimage.media.SequentialImageMedium}), so that
 * the recording code can be exercised without hardware and the written disc read by other tools.
 */
package org.discimage.recorder.emulated;
