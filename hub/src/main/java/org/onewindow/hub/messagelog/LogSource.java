package org.onewindow.hub.messagelog;

import java.security.cert.X509Certificate;
import java.util.Iterator;
import java.util.List;

/** A message log to verify: the live tables, or an exported archive. It holds one or more chains, each verified on its own. */
interface LogSource extends AutoCloseable {

    /**
     * Where a chain's records begin: position of the first record, the hash of the record before it, number of the
     * first seal and the hash of the seal before it (the chain's genesis, {@link Chains#genesis}, at its very start).
     */
    record Anchor(long firstSeq, String previousRecordHash, long firstSealNo, String previousSealHash) {
        static Anchor genesis(String chain) {
            String genesis = Chains.genesis(chain);
            return new Anchor(1, genesis, 1, genesis);
        }
    }

    /** The chains it holds, in order of name. */
    List<String> chains();

    Anchor anchor(String chain);

    /** The chain's records in order of position. */
    Iterator<MessageLogRecord> records(String chain);

    /** The chain's seals in order of number, from the anchor's first seal on. */
    Iterator<MessageLogSeal> seals(String chain);

    /** The certificates the log carries for a role (MessageLogStore.SIGNER or TSA), whichever chain they sign. */
    List<X509Certificate> certificates(String role);

    /** E.g. "database jdbc:h2:..." or "archive x.zip". */
    String describe();

    @Override
    void close();
}
