package org.onewindow.schemas.cases;

/** A natural person (自然人) identified by a resident ID number, or a company/organisation (法人) by its credit code. */
public enum ApplicantKind {
    PERSON, COMPANY
}
