package org.discimage.error;

/**
 * Error codes of discimage. Where IMAPI2 defines an equivalent error, the code carries IMAPI2's
 * symbolic name and HRESULT value (imapi2fserror.h / imapi2error.h) so that callers porting IMAPI2
 * code can map failures one to one; codes IMAPI2 lacks use the facility's unused range 0xC0AAB3xx.
 */
public enum ErrorCode {
    /** Internal failure (a broken invariant surfaced as an I/O error). */
    FSI_INTERNAL_ERROR("IMAPI_E_FSI_INTERNAL_ERROR", 0xC0AAB100),
    /** An argument value is invalid. */
    INVALID_PARAM("IMAPI_E_INVALID_PARAM", 0xC0AAB101),
    /** No output file system selected. */
    NO_OUTPUT("IMAPI_E_NO_OUTPUT", 0xC0AAB103),
    /** Volume label too long or of characters the file system cannot hold. */
    INVALID_VOLUME_NAME("IMAPI_E_INVALID_VOLUME_NAME", 0xC0AAB104),
    /** The path is not a file. */
    NOT_FILE("IMAPI_E_NOT_FILE", 0xC0AAB108),
    /** The path is not a directory. */
    NOT_DIR("IMAPI_E_NOT_DIR", 0xC0AAB109),
    /** A directory still has children. */
    DIR_NOT_EMPTY("IMAPI_E_DIR_NOT_EMPTY", 0xC0AAB10A),
    /** Malformed path or a name of characters a file system cannot hold. */
    INVALID_PATH("IMAPI_E_INVALID_PATH", 0xC0AAB110),
    /** The name already exists in the directory. */
    DUP_NAME("IMAPI_E_DUP_NAME", 0xC0AAB112),
    /** No unique file-system-specific name could be made (or mangling was forbidden). */
    NO_UNIQUE_NAME("IMAPI_E_NO_UNIQUE_NAME", 0xC0AAB113),
    /** The item is not in the tree. */
    ITEM_NOT_FOUND("IMAPI_E_ITEM_NOT_FOUND", 0xC0AAB118),
    /** The image would exceed the size limit of the file system or the medium. */
    IMAGE_SIZE_LIMIT("IMAPI_E_IMAGE_SIZE_LIMIT", 0xC0AAB120),
    /** The free media blocks are fewer than the image needs. */
    IMAGE_TOO_BIG("IMAPI_E_IMAGE_TOO_BIG", 0xC0AAB121),
    /** A source's length differs from the length planned (it changed after it was added). */
    DATA_STREAM_INCONSISTENCY("IMAPI_E_DATA_STREAM_INCONSISTENCY", 0xC0AAB128),
    /** A source could not be read. */
    DATA_STREAM_READ_FAILURE("IMAPI_E_DATA_STREAM_READ_FAILURE", 0xC0AAB129),
    /** A source could not be opened (missing, permissions). */
    DATA_STREAM_CREATE_FAILURE("IMAPI_E_DATA_STREAM_CREATE_FAILURE", 0xC0AAB12A),
    /** A source directory could not be enumerated. */
    DIRECTORY_READ_FAILURE("IMAPI_E_DIRECTORY_READ_FAILURE", 0xC0AAB12B),
    /** Too many directories for the target file system (ISO 9660 path tables hold 65,535). */
    TOO_MANY_DIRS("IMAPI_E_TOO_MANY_DIRS", 0xC0AAB130),
    /** ISO 9660 tree deeper than 8 levels and no Rock Ridge relocation available. */
    ISO9660_LEVELS("IMAPI_E_ISO9660_LEVELS", 0xC0AAB131),
    /** A file is too large for the target file system or interchange level. */
    DATA_TOO_BIG("IMAPI_E_DATA_TOO_BIG", 0xC0AAB132),
    /** The operation was cancelled. */
    REQUEST_CANCELLED("E_IMAPI_REQUEST_CANCELLED", 0xC0AA0002),
    /** Writing the image to its target failed. */
    WRITE_FAILURE("DISCIMAGE_E_WRITE_FAILURE", 0xC0AAB301),
    /** The medium or session is blank: nothing to import. */
    EMPTY_DISC("IMAPI_E_EMPTY_DISC", 0xC0AAB150),
    /** No file system the importer reads was found at the session start. */
    NO_SUPPORTED_FILE_SYSTEM("IMAPI_E_NO_SUPPORTED_FILE_SYSTEM", 0xC0AAB151),
    /** The file system asked for is not in the session. */
    FILE_SYSTEM_NOT_FOUND("IMAPI_E_FILE_SYSTEM_NOT_FOUND", 0xC0AAB152),
    /** The on-disc file system uses a feature the importer cannot handle (e.g. a block size other than 2048). */
    FILE_SYSTEM_FEATURE_NOT_SUPPORTED("IMAPI_E_FILE_SYSTEM_FEATURE_NOT_SUPPORTED", 0xC0AAB154),
    /** An imported file's name is taken by a directory already in the tree. */
    IMPORT_TYPE_COLLISION_FILE_EXISTS_AS_DIRECTORY("IMAPI_E_IMPORT_TYPE_COLLISION_FILE_EXISTS_AS_DIRECTORY",
            0xC0AAB155),
    /** A sector of the medium could not be read while importing. */
    IMPORT_READ_FAILURE("IMAPI_E_IMPORT_READ_FAILURE", 0xC0AAB157),
    /** The previous session's start cannot be reached on the medium (also: blank media). */
    IMPORT_SEEK_FAILURE("IMAPI_E_IMPORT_SEEK_FAILURE", 0xC0AAB156),
    /** Multisession is not allowed on this medium in its state (e.g. blank write-once media). */
    IMPORT_MEDIA_NOT_ALLOWED("IMAPI_E_IMPORT_MEDIA_NOT_ALLOWED", 0xC0AAB159),
    /** The multisession type asked for (in use) cannot append to this medium. */
    INCOMPATIBLE_MULTISESSION_TYPE("IMAPI_E_INCOMPATIBLE_MULTISESSION_TYPE", 0xC0AAB15B),
    /** None of the offered multisession types can append to the medium. */
    NO_COMPATIBLE_MULTISESSION_TYPE("IMAPI_E_NO_COMPATIBLE_MULTISESSION_TYPE", 0xC0AAB15C),
    /** The multisession interfaces must be set first. */
    MULTISESSION_NOT_SET("IMAPI_E_MULTISESSION_NOT_SET", 0xC0AAB15D),
    /** The UDF revision differs from the imported session's where that cannot work. */
    UDF_REVISION_CHANGE_NOT_ALLOWED("IMAPI_E_UDF_REVISION_CHANGE_NOT_ALLOWED", 0xC0AAB161),
    /** A multisession parameter is missing or wrong, or more than one interface is in use. */
    BAD_MULTISESSION_PARAMETER("IMAPI_E_BAD_MULTISESSION_PARAMETER", 0xC0AAB162),
    /** The file systems differ from the imported session's where that cannot work. */
    FILE_SYSTEM_CHANGE_NOT_ALLOWED("IMAPI_E_FILE_SYSTEM_CHANGE_NOT_ALLOWED", 0xC0AAB163),
    /** An imported directory's name is taken by a file already in the tree. */
    IMPORT_TYPE_COLLISION_DIRECTORY_EXISTS_AS_FILE("IMAPI_E_IMPORT_TYPE_COLLISION_DIRECTORY_EXISTS_AS_FILE",
            0xC0AAB15E),
    /** An on-disc structure is malformed (decode of a record failed). */
    MALFORMED_STRUCTURE("IMAPI_E_FILE_SYSTEM_READ_CONSISTENCY_ERROR", 0xC0AAB153),
    // El Torito (issue 8): IMAPI2's boot codes (imapi2fserror.h)
    /** A boot image could not be added (empty, unreadable, too small for the boot-info table, no MBR for hard-disk emulation). */
    BOOT_IMAGE_DATA("IMAPI_E_BOOT_IMAGE_DATA", 0xC0AAB148),
    /** A boot image is allowed only in the first session (and only with ISO 9660). */
    BOOT_OBJECT_CONFLICT("IMAPI_E_BOOT_OBJECT_CONFLICT", 0xC0AAB149),
    /** The emulation type does not fit the boot image's size. */
    BOOT_EMULATION_IMAGE_SIZE_MISMATCH("IMAPI_E_BOOT_EMULATION_IMAGE_SIZE_MISMATCH", 0xC0AAB14A),
    // archive sources and spooled streams (issue 8): IMAPI2's staging ("stash") codes
    /** The working directory for spooled (staged) data is missing or not a writable directory. */
    INVALID_WORKING_DIRECTORY("IMAPI_E_INVALID_WORKING_DIRECTORY", 0xC0AAB140),
    /** The working directory lacks the space to spool (stage) the data. */
    WORKING_DIRECTORY_SPACE("IMAPI_E_WORKING_DIRECTORY_SPACE", 0xC0AAB141),
    /** A spool (stash) file could not be created. */
    STASHFILE_OPEN_FAILURE("IMAPI_E_STASHFILE_OPEN_FAILURE", 0xC0AAB138),
    /** Writing a spool (stash) file failed. */
    STASHFILE_WRITE_FAILURE("IMAPI_E_STASHFILE_WRITE_FAILURE", 0xC0AAB13A),

    // ---- recorder (imapi2error.h, device side) ----
    /** The drive has no such mode page. */
    RECORDER_NO_SUCH_MODE_PAGE("E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE", 0xC0AA0201),
    /** No disc in the drive (sense 2/3A/xx). */
    RECORDER_MEDIA_NO_MEDIA("E_IMAPI_RECORDER_MEDIA_NO_MEDIA", 0xC0AA0202),
    /** The disc is incompatible or of an unknown format (sense 5/30/xx). */
    RECORDER_MEDIA_INCOMPATIBLE("E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE", 0xC0AA0203),
    /** The disc is upside down. */
    RECORDER_MEDIA_UPSIDE_DOWN("E_IMAPI_RECORDER_MEDIA_UPSIDE_DOWN", 0xC0AA0204),
    /** The drive is becoming ready (sense 2/04/01); retry later. */
    RECORDER_MEDIA_BECOMING_READY("E_IMAPI_RECORDER_MEDIA_BECOMING_READY", 0xC0AA0205),
    /** A (background) format is in progress (sense 2/04/04). */
    RECORDER_MEDIA_FORMAT_IN_PROGRESS("E_IMAPI_RECORDER_MEDIA_FORMAT_IN_PROGRESS", 0xC0AA0206),
    /** The drive is busy with a long operation (sense 2/04/07, 2/04/08). */
    RECORDER_MEDIA_BUSY("E_IMAPI_RECORDER_MEDIA_BUSY", 0xC0AA0207),
    /** MODE SELECT parameters were rejected (sense 5/26/00). */
    RECORDER_INVALID_MODE_PARAMETERS("E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS", 0xC0AA0208),
    /** The disc is write-protected (sense 7/27/00). */
    RECORDER_MEDIA_WRITE_PROTECTED("E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED", 0xC0AA0209),
    /** The drive does not support the feature. */
    RECORDER_NO_SUCH_FEATURE("E_IMAPI_RECORDER_NO_SUCH_FEATURE", 0xC0AA020A),
    /** The feature is supported but not current for the loaded medium. */
    RECORDER_FEATURE_IS_NOT_CURRENT("E_IMAPI_RECORDER_FEATURE_IS_NOT_CURRENT", 0xC0AA020B),
    /** The drive lacks GET CONFIGURATION (sense 5/20/00 to opcode 46h; MMC-1). */
    RECORDER_GET_CONFIGURATION_NOT_SUPPORTED("E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED", 0xC0AA020C),
    /** A command timed out. */
    RECORDER_COMMAND_TIMEOUT("E_IMAPI_RECORDER_COMMAND_TIMEOUT", 0xC0AA020D),
    /** The drive is exclusively locked by someone else. */
    RECORDER_LOCKED("E_IMAPI_RECORDER_LOCKED", 0xC0AA0210),
    /** The medium needs formatting first. */
    RECORDER_MEDIA_NOT_FORMATTED("E_IMAPI_RECORDER_MEDIA_NOT_FORMATTED", 0xC0AA0212),
    /** The drive answered with a malformed or unexpected reply (a decoder rejected it). */
    RECORDER_INVALID_RESPONSE_FROM_DEVICE("E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE", 0xC0AA02FF),
    /** Buffer underrun while writing (sense 3/0C/09). */
    LOSS_OF_STREAMING("E_IMAPI_LOSS_OF_STREAMING", 0xC0AA0300),
    /** An unrecoverable drive error (medium, hardware or a refused command). */
    UNEXPECTED_RESPONSE_FROM_DEVICE("E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE", 0xC0AA0301),
    /** Post-burn verification found a block that differs from what was sent, or could not read it back. */
    BURN_VERIFICATION_FAILED("E_IMAPI_BURN_VERIFICATION_FAILED", 0xC0AA0007),

    // ---- data writer and eraser (imapi2error.h, IDiscFormat2Data / IDiscFormat2Erase) ----
    /** A write is already running on this writer. */
    DF2DATA_WRITE_IN_PROGRESS("E_IMAPI_DF2DATA_WRITE_IN_PROGRESS", 0xC0AA0400),
    /** The medium's state does not allow a data session (finalized, damaged, no NWA). */
    DF2DATA_INVALID_MEDIA_STATE("E_IMAPI_DF2DATA_INVALID_MEDIA_STATE", 0xC0AA0402),
    /** The stream cannot be written as given (not planned at the medium's next writable address). */
    DF2DATA_STREAM_NOT_SUPPORTED("E_IMAPI_DF2DATA_STREAM_NOT_SUPPORTED", 0xC0AA0403),
    /** The stream is larger than the free space of the medium. */
    DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA("E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA", 0xC0AA0404),
    /** The medium type cannot be written by the data writer. */
    DF2DATA_MEDIA_IS_NOT_SUPPORTED("E_IMAPI_DF2DATA_MEDIA_IS_NOT_SUPPORTED", 0xC0AA0406),
    /** The disc cannot be erased (write-once media). */
    ERASE_MEDIA_IS_NOT_ERASABLE("E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE", 0x80AA0904),
    /** The drive rejected BLANK or FORMAT UNIT. */
    ERASE_DRIVE_FAILED_ERASE_COMMAND("E_IMAPI_ERASE_DRIVE_FAILED_ERASE_COMMAND", 0x80AA0905),
    /** The erase did not end within an hour. */
    ERASE_TOOK_LONGER_THAN_ONE_HOUR("E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR", 0x80AA0906),
    /** The medium type is not supported by the eraser (no medium, or a type it does not know). */
    ERASE_MEDIA_IS_NOT_SUPPORTED("E_IMAPI_ERASE_MEDIA_IS_NOT_SUPPORTED", 0xC0AA0909),
    /** The OS transport failed: the device cannot be opened or is not a SCSI/MMC device (errno attached). */
    RECORDER_TRANSPORT_FAILURE("DISCIMAGE_E_RECORDER_TRANSPORT_FAILURE", 0xC0AAB3A0);

    private final String imapiName;
    private final int hresult;

    ErrorCode(String imapiName, int hresult) {
        this.imapiName = imapiName;
        this.hresult = hresult;
    }

    /** IMAPI2's symbolic name (or discimage's own for codes IMAPI2 lacks). */
    public String imapiName() {
        return imapiName;
    }

    /** The HRESULT value, e.g. {@code 0xC0AAB112} for {@link #DUP_NAME}. */
    public int hresult() {
        return hresult;
    }

    @Override
    public String toString() {
        return String.format("%s (0x%08X)", imapiName, hresult);
    }
}
