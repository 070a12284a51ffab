package org.discimage.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Every code has its own HRESULT and name (codes are added from several branches), and is an error HRESULT. */
class ErrorCodeUniquenessTest {
    @Test
    void hresultsAndNamesAreDistinct() {
        ErrorCode[] all = ErrorCode.values();
        assertEquals(all.length, Arrays.stream(all).mapToInt(ErrorCode::hresult).distinct().count(),
                "two codes share an HRESULT");
        assertEquals(all.length, Arrays.stream(all).map(ErrorCode::imapiName).distinct().count(),
                "two codes share a name");
        for (ErrorCode c : all) {
            assertTrue(c.hresult() < 0, c + " has the severity bit clear (a success code)");
            assertTrue((c.hresult() & 0x0FFF0000) == 0x00AA0000, c + " is outside IMAPI2's facility 0xAA");
        }
    }
}
