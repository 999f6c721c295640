package org.onewindow.hub.messagelog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;
import static org.onewindow.hub.messagelog.MessageLogFixtures.sql;
import static org.onewindow.hub.messagelog.MessageLogFixtures.verify;

/**
 * The chain, the seals and the verifier on a real H2 database with the demo keys: 250 records sealed in seals of
 * 100 (1–100, 101–200, 201–250), and every kind of tampering named at its position.
 */
class MessageLogVerifierTest {

    DataSource db;

    @BeforeEach
    void writeAndSeal250Records() {
        db = Databases.H2.fresh();
        MessageLogWriter writer = MessageLogFixtures.writer(db, 100, 1_000);
        writer.start();
        for (int i = 1; i <= 250; i++) {
            writer.offer(exchange(i));
        }
        writer.flushAndSeal(java.time.Duration.ofSeconds(30));
        writer.stop();
    }

    @Test
    void untouchedLogVerifiesWithItsSummary() {
        Verification result = verify(db);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.records()).isEqualTo(250);
        assertThat(result.seals()).isEqualTo(3);
        assertThat(result.unsealed()).isZero();
        assertThat(result.signers()).containsExactly(MessageLogKeys.DEMO_SIGNER_FINGERPRINT);
        assertThat(result.summary()).contains("OK: test database", "250 records (positions 1–250), 3 seals",
                "logged 2026-12-03T02:00:00.010Z – 2026-12-03T02:00:02.500Z", "the DEMO key",
                "time-stamped by C=CN,O=OneWindow Hub demo,CN=OneWindow Hub demo time-stamping authority (DEMO)");
    }

    @Test
    void oneChangedByteIsNamedAtItsPosition() {
        sql(db, "UPDATE message_log SET status = '201' WHERE seq = 137");

        Verification result = verify(db);

        assertThat(result.ok()).isFalse();
        assertThat(result.problem().position()).isEqualTo(137);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.ALTERED);
        assertThat(result.problem().sealNo()).isEqualTo(2);
        assertThat(result.records()).isEqualTo(136);
        assertThat(result.summary()).contains("FAILED", "record 137: altered", "seal 2 (records 101–200)", "seal 2 no longer verifies");
    }

    @Test
    void aDeletedRecordIsNamed() {
        sql(db, "DELETE FROM message_log WHERE seq = 42");

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(42);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.REMOVED);
        assertThat(result.problem().sealNo()).isEqualTo(1);
        assertThat(result.problem().detail()).contains("record 42 is missing: after record 41 comes record 43");
    }

    @Test
    void twoSwappedRecordsAreNamedAtTheFirstWithWhereItBelongs() {
        MessageLogFixtures.swap(db, 150, 160, true);

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(150);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.REORDERED);
        assertThat(result.problem().detail()).contains("it holds the record sealed at position 160 (seal 2");
    }

    @Test
    void swappedContentUnderTheOriginalHashesIsStillRecognisedAsMoved() {
        MessageLogFixtures.swap(db, 7, 3, false);

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(3);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.REORDERED);
        assertThat(result.problem().detail()).contains("sealed at position 7");
    }

    @Test
    void aRewrittenRecordHashIsAnAlteration() {
        sql(db, "UPDATE message_log SET record_hash = REPLACE(record_hash, SUBSTRING(record_hash, 1, 1), "
                + "CASE WHEN SUBSTRING(record_hash, 1, 1) = 'a' THEN 'b' ELSE 'a' END) WHERE seq = 99");

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(99);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.ALTERED);
        assertThat(result.problem().detail()).contains("stored record_hash was changed");
    }

    @Test
    void aRecomputedChainStillFailsItsSeal() {
        // someone who changes record 120 and recomputes every hash after it: the chain is consistent again, the seal is not
        sql(db, "UPDATE message_log SET to_party = 'police' WHERE seq = 120");
        MessageLogStore store = new MessageLogStore(db);
        try {
            byte[] previous = Hashes.unhex(store.recordHash(MessageLogFixtures.CHAIN, 119).orElseThrow());
            for (MessageLogRecord record : store.records(MessageLogFixtures.CHAIN, 119, 250, 1000)) {
                previous = Hashes.chain(previous, record.canonical());
                sql(db, "UPDATE message_log SET record_hash = '" + Hashes.hex(previous) + "' WHERE seq = " + record.seq());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(120);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.ALTERED);
        assertThat(result.problem().sealNo()).isEqualTo(2);
    }

    @Test
    void theLastRecordsOfASealRemovedAreNamed() {
        sql(db, "DELETE FROM message_log WHERE seq >= 240");

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(240);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.REMOVED);
        assertThat(result.problem().detail()).contains("seal 3 covers records 201–250, but the chain ends before record 240");
    }

    @Test
    void aForgedSealSignatureFailsTheSealAtItsFirstRecord() {
        sql(db, "UPDATE message_log_seals SET seal_hash = seal_hash WHERE seal_no = 2");
        MessageLogStore store = new MessageLogStore(db);
        byte[] signature;
        try {
            signature = store.sealAfter(MessageLogFixtures.CHAIN, 1).orElseThrow().signature();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        signature[signature.length - 1] ^= 1;
        updateSeal(2, "signature", signature);

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(101);
        assertThat(result.problem().kind()).isEqualTo(Verification.Kind.SEAL);
        assertThat(result.problem().detail()).contains("seal 2's SM2 signature does not verify");
        assertThat(result.records()).isEqualTo(100);
    }

    @Test
    void aTimeStampOfAnotherSealFails() {
        byte[] tokenOfSealOne;
        try {
            tokenOfSealOne = new MessageLogStore(db).sealAfter(MessageLogFixtures.CHAIN, 0).orElseThrow().timeStampToken();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        updateSeal(3, "time_stamp_token", tokenOfSealOne);

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(201);
        assertThat(result.problem().detail()).contains("seal 3's time-stamp fails: the time-stamp is over another digest");
    }

    @Test
    void aRemovedSealIsNamed() {
        sql(db, "DELETE FROM message_log_seals WHERE seal_no = 2");

        Verification result = verify(db);

        assertThat(result.problem().position()).isEqualTo(101);
        assertThat(result.problem().detail()).contains("seal 2 is missing: after seal 1 comes seal 3");
    }

    @Test
    void sealsOfAnUntrustedKeyFail() {
        X509Certificate other = MessageLogFixtures.tsaCertificate();
        MessageLogVerifier strict = new MessageLogVerifier(List.of(other), List.of(MessageLogFixtures.tsaCertificate()));

        Verification result;
        try (LogSource source = new DatabaseLogSource(new MessageLogStore(db), "test database")) {
            result = strict.verify(source);
        }

        assertThat(result.problem().position()).isEqualTo(1);
        assertThat(result.problem().detail()).contains("is signed by key " + MessageLogKeys.DEMO_SIGNER_FINGERPRINT + ", which is not trusted");
    }

    @Test
    void recordsAfterTheLastSealAreCheckedByTheChain() {
        MessageLogWriter writer = MessageLogFixtures.writer(db, 100, 1_000);
        writer.start();
        for (int i = 251; i <= 260; i++) {
            writer.offer(exchange(i));
        }
        awaitWritten(260);
        assertThat(verify(db).unsealed()).isEqualTo(10);

        sql(db, "UPDATE message_log SET case_id = 'OW20261203-XXXXXXXXXX' WHERE seq = 255");
        Verification result = verify(db);
        writer.stop();

        assertThat(result.problem().position()).isEqualTo(255);
        assertThat(result.problem().detail()).contains("after the last seal");
    }

    private void awaitWritten(long seq) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            try {
                return new MessageLogStore(db).maxSeq(MessageLogFixtures.CHAIN).orElse(0) >= seq;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
    }

    private void updateSeal(long sealNo, String column, byte[] value) {
        try (var connection = db.getConnection();
             var update = connection.prepareStatement("UPDATE message_log_seals SET " + column + " = ? WHERE seal_no = ?")) {
            update.setBytes(1, value);
            update.setLong(2, sealNo);
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
