package org.onewindow.hub.outbox;

/** A message waiting in the outbox for the broker. {@code messageKey} travels as the JMS header MessageKey. */
public record OutboxMessage(long messageId, String destination, String messageKey, String payload) {
}
