package org.onewindow.hub.messagelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An export of a period of the message log: a zip that verifies anywhere with {@code hub/message-log verify --archive},
 * without the hub or its database. The period is widened to whole seals, so every seal's signature can be checked.
 *
 * <pre>
 * manifest.json          format, period asked for, first and last position, the hash of the record before the
 *                        first and of the seal before the first (the anchor the chain continues from)
 * records.jsonl          one record per line, the columns of message_log (bodies base64, where kept)
 * seals.jsonl            one seal per line, the columns of message_log_seals (binary fields base64)
 * certificates/*.pem     the signing certificate(s) and the time-stamping authorities' certificates
 * README.txt             what this is and how to verify it
 * </pre>
 */
final class MessageLogArchive {

    static final String FORMAT = "onewindow-message-log-archive/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1_000;

    /** What an export holds. */
    record Exported(long records, long seals, Long firstSeq, Long lastSeq) {
    }

    private MessageLogArchive() {
    }

    /** Writes the records logged in {@code [from, to)}, widened to the seals that cover them, as a zip to {@code out}. */
    static Exported export(MessageLogStore store, Instant from, Instant to, Instant now, OutputStream out) throws IOException, SQLException {
        Optional<long[]> range = store.seqRange(from, to);
        long first = 0, last = -1, firstSealNo = 1;
        String previousRecordHash = Hashes.GENESIS, previousSealHash = Hashes.GENESIS;
        if (range.isPresent()) {
            Optional<MessageLogSeal> startSeal = store.sealCovering(range.get()[0]);
            Optional<MessageLogSeal> endSeal = store.sealCovering(range.get()[1]);
            first = startSeal.map(MessageLogSeal::firstSeq).orElse(range.get()[0]);
            last = endSeal.map(MessageLogSeal::lastSeq).orElse(range.get()[1]);
            if (startSeal.isPresent()) {
                firstSealNo = startSeal.get().sealNo();
                previousSealHash = startSeal.get().previousSealHash();
            } else {
                Optional<MessageLogSeal> lastSeal = store.lastSeal();
                firstSealNo = lastSeal.map(s -> s.sealNo() + 1).orElse(1L);
                previousSealHash = lastSeal.map(MessageLogSeal::sealHash).orElse(Hashes.GENESIS);
            }
            if (first > 1) {
                // the sealed hash of the record before, where there is one: it is what the chain was signed with
                long before = first - 1;
                Optional<MessageLogSeal> sealBefore = store.sealCovering(before);
                previousRecordHash = sealBefore.isPresent() ? Hashes.hex(sealBefore.get().hashOf(before))
                        : store.recordHash(before).orElse(Hashes.GENESIS);
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("exportedAt", now.toString())
                .put("periodFrom", from.toString()).put("periodTo", to.toString());
        manifest.put("firstSeq", range.isPresent() ? first : 1).put("lastSeq", range.isPresent() ? last : 0)
                .put("previousRecordHash", previousRecordHash).put("firstSealNo", firstSealNo).put("previousSealHash", previousSealHash);

        zip.putNextEntry(new ZipEntry("certificates/"));
        zip.closeEntry();
        for (MessageLogStore.StoredCertificate certificate : store.certificates()) {
            zip.putNextEntry(new ZipEntry("certificates/" + certificate.role().toLowerCase() + "-" + certificate.fingerprint() + ".pem"));
            zip.write(Crypto.pem(Crypto.certificate(certificate.der(), "certificate " + certificate.fingerprint())).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        long seals = 0;
        zip.putNextEntry(new ZipEntry("seals.jsonl"));
        if (range.isPresent()) {
            long after = firstSealNo - 1;
            for (Optional<MessageLogSeal> seal = store.sealAfter(after); seal.isPresent() && seal.get().lastSeq() <= last;
                 seal = store.sealAfter(seal.get().sealNo())) {
                zip.write(line(seal(seal.get())));
                seals++;
            }
        }
        zip.closeEntry();

        long records = 0;
        zip.putNextEntry(new ZipEntry("records.jsonl"));
        for (long after = first - 1; range.isPresent() && after < last; ) {
            List<MessageLogRecord> chunk = store.records(after, last, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (MessageLogRecord record : chunk) {
                zip.write(line(record(record)));
                records++;
            }
            after = chunk.get(chunk.size() - 1).seq();
        }
        zip.closeEntry();

        manifest.put("records", records).put("seals", seals);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme(from, to, records, seals).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        return new Exported(records, seals, range.isPresent() ? first : null, range.isPresent() ? last : null);
    }

    /** Opens an archive to verify. */
    static LogSource open(Path file) throws IOException {
        ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        try {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                throw new IOException(file + " is not a message log archive: it has no manifest.json");
            }
            JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new IOException(file + " is not a message log archive of format " + FORMAT);
            }
            return new ArchiveSource(zip, file, manifest);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static final class ArchiveSource implements LogSource {
        private final ZipFile zip;
        private final Path file;
        private final JsonNode manifest;
        private final List<BufferedReader> open = new ArrayList<>();

        ArchiveSource(ZipFile zip, Path file, JsonNode manifest) {
            this.zip = zip;
            this.file = file;
            this.manifest = manifest;
        }

        @Override
        public Anchor anchor() {
            return new Anchor(manifest.path("firstSeq").asLong(1), manifest.path("previousRecordHash").asText(Hashes.GENESIS),
                    manifest.path("firstSealNo").asLong(1), manifest.path("previousSealHash").asText(Hashes.GENESIS));
        }

        @Override
        public Iterator<MessageLogRecord> records() {
            return lines("records.jsonl", MessageLogArchive::record);
        }

        @Override
        public Iterator<MessageLogSeal> seals() {
            return lines("seals.jsonl", MessageLogArchive::seal);
        }

        @Override
        public List<X509Certificate> certificates(String role) {
            String prefix = "certificates/" + role.toLowerCase() + "-";
            List<X509Certificate> certificates = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith(prefix)) {
                    try {
                        certificates.add(Crypto.certificate(zip.getInputStream(entry).readAllBytes(), entry.getName()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return certificates;
        }

        @Override
        public String describe() {
            return "archive " + file + " (" + manifest.path("periodFrom").asText() + " – " + manifest.path("periodTo").asText() + ")";
        }

        @Override
        public void close() {
            try {
                for (BufferedReader reader : open) {
                    reader.close();
                }
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private <T> Iterator<T> lines(String name, java.util.function.Function<JsonNode, T> read) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return Collections.emptyIterator();
            }
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
                open.add(reader);
                return new Iterator<>() {
                    private String line = reader.readLine();

                    @Override
                    public boolean hasNext() {
                        return line != null;
                    }

                    @Override
                    public T next() {
                        if (line == null) {
                            throw new NoSuchElementException();
                        }
                        try {
                            T value = read.apply(JSON.readTree(line));
                            line = reader.readLine();
                            return value;
                        } catch (IOException e) {
                            throw new UncheckedIOException(name + " of " + file + " cannot be read: " + e.getMessage(), e);
                        }
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] line(ObjectNode node) throws IOException {
        byte[] json = JSON.writeValueAsBytes(node);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private static ObjectNode record(MessageLogRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", r.seq()).put("logged_at", r.loggedAt().toString()).put("duration_ms", r.durationMs()).put("channel", r.channel())
                .put("from_party", r.fromParty()).put("to_party", r.toParty()).put("department", r.department())
                .put("operation", r.operation()).put("case_id", r.caseId()).put("task_id", r.taskId()).put("status", r.status())
                .put("request_sha256", r.requestSha256()).put("request_bytes", r.requestBytes()).put("request_body", base64(r.requestBody()))
                .put("response_sha256", r.responseSha256()).put("response_bytes", r.responseBytes())
                .put("response_body", base64(r.responseBody())).put("record_hash", r.recordHash());
        return node;
    }

    private static MessageLogRecord record(JsonNode n) {
        return new MessageLogRecord(n.path("seq").asLong(), Instant.parse(n.path("logged_at").asText()), n.path("duration_ms").asLong(),
                text(n, "channel"), text(n, "from_party"), text(n, "to_party"), text(n, "department"), text(n, "operation"),
                text(n, "case_id"), text(n, "task_id"), text(n, "status"), text(n, "request_sha256"), number(n, "request_bytes"),
                bytes(n, "request_body"), text(n, "response_sha256"), number(n, "response_bytes"), bytes(n, "response_body"),
                text(n, "record_hash"));
    }

    private static ObjectNode seal(MessageLogSeal s) {
        return JSON.createObjectNode().put("seal_no", s.sealNo()).put("first_seq", s.firstSeq()).put("last_seq", s.lastSeq())
                .put("sealed_at", s.sealedAt().toString()).put("previous_seal_hash", s.previousSealHash())
                .put("record_hashes", base64(s.recordHashes())).put("seal_hash", s.sealHash()).put("signer", s.signer())
                .put("signature", base64(s.signature())).put("time_stamp_token", base64(s.timeStampToken()))
                .put("time_stamped_at", s.timeStampedAt().toString());
    }

    private static MessageLogSeal seal(JsonNode n) {
        return new MessageLogSeal(n.path("seal_no").asLong(), n.path("first_seq").asLong(), n.path("last_seq").asLong(),
                Instant.parse(n.path("sealed_at").asText()), text(n, "previous_seal_hash"), bytes(n, "record_hashes"), text(n, "seal_hash"),
                text(n, "signer"), bytes(n, "signature"), bytes(n, "time_stamp_token"), Instant.parse(n.path("time_stamped_at").asText()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static String readme(Instant from, Instant to, long records, long seals) {
        return """
                OneWindow Hub message log archive (签名防篡改的报文日志导出)

                The exchanges the hub logged from %s to %s, widened to whole seals: %d record(s), %d seal(s).
                Each record holds when, who (from, to), the case and task, the operation, the outcome and the SHA-256 of
                the request and the answer; its record_hash chains it to the record before. Each seal holds the hashes of
                its records, signed with the hub's SM2 key (SM3withSM2, certificates/signer-*.pem) and time-stamped per
                RFC 3161 (certificates/tsa-*.pem).

                Verify it, on any machine with Java 17 and the hub's jar:

                    hub/message-log verify --archive <this file> [--signer-certificate <pem>] [--tsa-certificate <pem>]

                It exits 0 and prints a summary when everything verifies; otherwise it exits 1 and names the first record
                (its position) that was altered, removed or reordered, and the seal that no longer verifies. Give the
                certificates you trust: without them the certificates carried in this archive are trusted.
                """.formatted(from, to, records, seals);
    }
}
