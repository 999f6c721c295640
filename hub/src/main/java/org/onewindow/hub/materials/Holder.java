package org.onewindow.hub.materials;

/**
 * Who holds a licence or a record: an ID number or unified social credit code, and a name when it is known
 * (a company's agent is known only by ID number, so the name is not checked then).
 */
public record Holder(String id, String name) {
}
