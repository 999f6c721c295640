package org.onewindow.hub.licences;

import org.onewindow.schemas.licences.LicenceStatus;

import java.time.Instant;

/** One entry of the library's status-changes feed: licence {@code identifier} has had {@code status} since {@code changedAt}. */
public record StatusChange(long sequence, String identifier, LicenceStatus status, Instant changedAt) {
}
