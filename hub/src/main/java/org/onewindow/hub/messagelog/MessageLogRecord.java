package org.onewindow.hub.messagelog;

import java.time.Instant;

/**
 * One row of message_log, as stored and as verified.
 *
 * @param recordHash hex SHA-256 over the previous record's hash and {@link #canonical()}
 */
record MessageLogRecord(long seq, Instant loggedAt, long durationMs, String channel, String fromParty, String toParty,
                        String department, String operation, String caseId, String taskId, String status,
                        String requestSha256, Long requestBytes, byte[] requestBody,
                        String responseSha256, Long responseBytes, byte[] responseBody, String recordHash) {

    static final String FORMAT = "onewindow-message-log-record/1";

    /** Column widths (V6__message_log.sql): longer values are cut before hashing, so the stored row hashes the same. */
    static final int PARTY = 100, DEPARTMENT = 64, OPERATION = 200, CASE_ID = 40, TASK_ID = 200, STATUS = 200;

    /** The record of an exchange at position {@code seq}, chained to {@code previousHash}. */
    static MessageLogRecord of(long seq, LoggedExchange exchange, byte[] previousHash) {
        Body request = exchange.request() == null ? Body.unseen(null) : exchange.request();
        Body response = exchange.response() == null ? Body.unseen(null) : exchange.response();
        MessageLogRecord unhashed = new MessageLogRecord(seq, Canonical.truncate(exchange.endedAt()), Math.max(0, exchange.durationMs()),
                exchange.channel().name(), cut(orUnknown(exchange.from()), PARTY), cut(orUnknown(exchange.to()), PARTY),
                cut(exchange.department(), DEPARTMENT), cut(orUnknown(exchange.operation()), OPERATION), cut(exchange.caseId(), CASE_ID),
                cut(exchange.taskId(), TASK_ID), cut(orUnknown(exchange.status()), STATUS),
                request.sha256(), request.bytes(), request.content(), response.sha256(), response.bytes(), response.content(), null);
        return unhashed.withHash(Hashes.hex(Hashes.chain(previousHash, unhashed.canonical())));
    }

    /**
     * Everything the hash covers, in a fixed order: position, time, parties, operation, case, task, status and the
     * bodies' hashes and lengths (a kept body is covered through its hash: the verifier checks it against it).
     */
    byte[] canonical() {
        return new Canonical(FORMAT).number(seq).instant(loggedAt).number(durationMs).text(channel).text(fromParty)
                .text(toParty).text(department).text(operation).text(caseId).text(taskId).text(status)
                .text(requestSha256).number(requestBytes).text(responseSha256).number(responseBytes).toBytes();
    }

    /** The same content at another position: how the verifier recognises a record moved from {@code otherSeq}. */
    MessageLogRecord at(long otherSeq) {
        return new MessageLogRecord(otherSeq, loggedAt, durationMs, channel, fromParty, toParty, department, operation, caseId,
                taskId, status, requestSha256, requestBytes, requestBody, responseSha256, responseBytes, responseBody, recordHash);
    }

    MessageLogRecord withHash(String hash) {
        return new MessageLogRecord(seq, loggedAt, durationMs, channel, fromParty, toParty, department, operation, caseId,
                taskId, status, requestSha256, requestBytes, requestBody, responseSha256, responseBytes, responseBody, hash);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        // never split a surrogate pair: the stored text must be the text that was hashed
        int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
        return value.substring(0, end) + "…";
    }
}
