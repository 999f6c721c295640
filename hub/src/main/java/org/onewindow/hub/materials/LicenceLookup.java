package org.onewindow.hub.materials;

/**
 * Finds a holder's e-licence (电子证照) of one type in the provincial library and verifies it: FOUND only for a
 * licence that passed every check (signature, issuer, status, holder, validity).
 */
public interface LicenceLookup {

    LookupOutcome find(Holder holder, String licenceType, String purpose, String caseId);
}
