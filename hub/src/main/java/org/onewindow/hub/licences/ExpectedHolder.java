package org.onewindow.hub.licences;

import jakarta.validation.constraints.Size;

/**
 * Whose licence it should be. A null field is not checked; the ID is compared ignoring the case of a final x.
 *
 * @param id   resident ID number or unified social credit code
 * @param name the holder's name, exactly as on the licence
 */
public record ExpectedHolder(@Size(max = 32) String id, @Size(max = 128) String name) {
}
