package org.onewindow.schemas.catalogue;

/**
 * A departmental system behind the window.
 *
 * @param dialect        how its system speaks: soap, rest-json, http-xml
 * @param reachedThrough another department whose system carries this one's traffic (market regulation
 *                       is reached through the provincial platform), or null
 */
public record Department(String code, String name, String nameZh, String dialect, String reachedThrough) {
}
