package org.onewindow.hub.messagelog;

import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The message log's tables as they are when the verification starts: the records up to the last one written then,
 * the seals up to the last one made then (a running hub keeps appending; that is verified next time).
 */
final class DatabaseLogSource implements LogSource {

    private static final int CHUNK = 1_000;

    private final MessageLogStore store;
    private final String description;
    private final long upToSeq;
    private final long upToSealNo;

    DatabaseLogSource(MessageLogStore store, String description) {
        this.store = store;
        this.description = description;
        try {
            // the last seal first: the records it covers were written before it, so the max read next includes them
            this.upToSealNo = store.lastSeal().map(MessageLogSeal::sealNo).orElse(0L);
            this.upToSeq = store.maxSeq().orElse(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the message log from " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Anchor anchor() {
        return Anchor.GENESIS;
    }

    @Override
    public Iterator<MessageLogRecord> records() {
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
                chunk = read(() -> store.records(after, upToSeq, CHUNK));
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
    public Iterator<MessageLogSeal> seals() {
        return new Iterator<>() {
            private long after;
            private Optional<MessageLogSeal> ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = read(() -> store.sealAfter(after)).filter(seal -> seal.sealNo() <= upToSealNo);
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
