package org.onewindow.hub.messagelog;

import java.security.cert.X509Certificate;
import java.util.Iterator;
import java.util.List;

/** A message log to verify: the live tables, or an exported archive. */
interface LogSource extends AutoCloseable {

    /**
     * Where the records begin: position of the first record, the hash of the record before it, number of the first
     * seal and the hash of the seal before it ({@link Hashes#GENESIS} at the very start of a log).
     */
    record Anchor(long firstSeq, String previousRecordHash, long firstSealNo, String previousSealHash) {
        static final Anchor GENESIS = new Anchor(1, Hashes.GENESIS, 1, Hashes.GENESIS);
    }

    Anchor anchor();

    /** The records in order of position. */
    Iterator<MessageLogRecord> records();

    /** The seals in order of number, from the anchor's first seal on. */
    Iterator<MessageLogSeal> seals();

    /** The certificates the log carries for a role (MessageLogStore.SIGNER or TSA). */
    List<X509Certificate> certificates(String role);

    /** E.g. "database jdbc:h2:..." or "archive x.zip". */
    String describe();

    @Override
    void close();
}
