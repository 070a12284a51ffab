package org.discimage.recorder.transport;

/** Direction of a SCSI command's data phase, seen from the host. */
public enum DataDirection {
    /** No data phase (TEST UNIT READY, START STOP UNIT, CLOSE TRACK/SESSION, ...). */
    NONE,
    /** Drive to host (INQUIRY, READ, GET CONFIGURATION, ...). */
    FROM_DEVICE,
    /** Host to drive (WRITE, MODE SELECT, FORMAT UNIT parameter list, ...). */
    TO_DEVICE
}
