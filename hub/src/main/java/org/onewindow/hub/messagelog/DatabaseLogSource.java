package org.onewindow.hub.messagelog;

import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The message log's tables as they are when the verification starts: every chain (or the one named), each with the
 * records up to the last one written then and the seals up to the last one made then (running hubs keep appending;
 * that is verified next time).
 */
final class DatabaseLogSource implements LogSource {

    private static final int CHUNK = 1_000;

    private final MessageLogStore store;
    private final String description;
    private final Map<String, MessageLogStore.ChainEnd> ends;

    /** Every chain in the database. */
    DatabaseLogSource(MessageLogStore store, String description) {
        this(store, description, null);
    }

    /**
     * @param chain the one chain to read; null, or a chain the database does not hold: every chain (so that asking the
     *              verifier for one that is not there names those that are)
     */
    DatabaseLogSource(MessageLogStore store, String description, String chain) {
        this.store = store;
        this.description = description;
        // each chain's last seal first: the records it covers were written before it, so the positions read next include them
        Optional<MessageLogStore.ChainEnd> named = chain == null ? Optional.empty() : read(() -> store.chainEnd(chain));
        this.ends = named.isPresent() ? Map.of(chain, named.get()) : read(store::chainEnds);
    }

    @Override
    public List<String> chains() {
        return List.copyOf(new TreeMap<>(ends).keySet());
    }

    @Override
    public Anchor anchor(String chain) {
        return Anchor.genesis(chain);
    }

    @Override
    public Iterator<MessageLogRecord> records(String chain) {
        long upToSeq = end(chain).lastSeq();
        return new Iterator<>() {
            private List<MessageLogRecord> chunk = List.of();
            private int next;
            private long after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next < chunk.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                chunk = read(() -> store.records(chain, after, upToSeq, CHUNK));
                next = 0;
                done = chunk.size() < CHUNK;
                if (!chunk.isEmpty()) {
                    after = chunk.get(chunk.size() - 1).seq();
                }
                return !chunk.isEmpty();
            }

            @Override
            public MessageLogRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(next++);
            }
        };
    }

    @Override
    public Iterator<MessageLogSeal> seals(String chain) {
        long upToSealNo = end(chain).lastSealNo();
        return new Iterator<>() {
            private long after;
            private Optional<MessageLogSeal> ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = read(() -> store.sealAfter(chain, after)).filter(seal -> seal.sealNo() <= upToSealNo);
                }
                return ahead.isPresent();
            }

            @Override
            public MessageLogSeal next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MessageLogSeal seal = ahead.get();
                after = seal.sealNo();
                ahead = null;
                return seal;
            }
        };
    }

    @Override
    public List<X509Certificate> certificates(String role) {
        List<X509Certificate> certificates = new ArrayList<>();
        read(store::certificates).stream().filter(c -> c.role().equals(role))
                .forEach(c -> certificates.add(Crypto.certificate(c.der(), "certificate " + c.fingerprint() + " of the log")));
        return certificates;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // the store borrows connections per query
    }

    private MessageLogStore.ChainEnd end(String chain) {
        return ends.getOrDefault(chain, new MessageLogStore.ChainEnd(0, 0));
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the message log from " + description + ": " + e.getMessage(), e);
        }
    }
}
