package org.onewindow.hub.messagelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An export of a period of the message log: a zip that verifies anywhere with {@code hub/message-log verify --archive},
 * without the hub or its database. It holds every chain (one per hub) with records in the period, or the one named;
 * each chain's part is widened to whole seals, so every seal's signature can be checked.
 *
 * <pre>
 * manifest.json          format, period asked for, and per chain: its name, first and last position, the hash of
 *                        the record before the first and of the seal before the first (the anchor it continues from)
 * records.jsonl          one record per line, the columns of message_log (bodies base64, where kept), chain by chain
 * seals.jsonl            one seal per line, the columns of message_log_seals (binary fields base64), chain by chain
 * certificates/*.pem     the signing certificate(s) and the time-stamping authorities' certificates
 * README.txt             what this is and how to verify it
 * </pre>
 *
 * Archives of format {@value #SINGLE_CHAIN_FORMAT}, exported before there were chains, still verify: their records
 * are the chain {@value Chains#SINGLE_HUB}.
 */
final class MessageLogArchive {

    static final String FORMAT = "onewindow-message-log-archive/2";
    /** The format before chains: one chain, its anchor at the top of the manifest, no chain in the lines. */
    static final String SINGLE_CHAIN_FORMAT = "onewindow-message-log-archive/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1_000;

    /** What an export holds of one chain. */
    record ChainExported(String chain, long records, long seals, long firstSeq, long lastSeq) {
    }

    /** What an export holds. */
    record Exported(long records, long seals, List<ChainExported> chains) {
    }

    /** What of a chain goes into an export: positions {@code first..last} and the anchor before them. */
    private record Part(String chain, long first, long last, long firstSealNo, String previousRecordHash, String previousSealHash) {
    }

    private MessageLogArchive() {
    }

    /**
     * Writes the records logged in {@code [from, to)}, each chain's widened to the seals that cover them, as a zip to
     * {@code out}.
     *
     * @param chain the one chain to export; null: every chain with records in the period
     */
    static Exported export(MessageLogStore store, String chain, Instant from, Instant to, Instant now, OutputStream out)
            throws IOException, SQLException {
        requireChain(store, chain);
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<String, long[]> range : store.seqRanges(from, to).entrySet()) {
            if (chain == null || chain.equals(range.getKey())) {
                parts.add(part(store, range.getKey(), range.getValue()[0], range.getValue()[1]));
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("certificates/"));
        zip.closeEntry();
        for (MessageLogStore.StoredCertificate certificate : store.certificates()) {
            zip.putNextEntry(new ZipEntry("certificates/" + certificate.role().toLowerCase() + "-" + certificate.fingerprint() + ".pem"));
            zip.write(Crypto.pem(Crypto.certificate(certificate.der(), "certificate " + certificate.fingerprint())).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }

        Map<String, Long> seals = new LinkedHashMap<>();
        zip.putNextEntry(new ZipEntry("seals.jsonl"));
        for (Part part : parts) {
            long count = 0;
            for (Optional<MessageLogSeal> seal = store.sealAfter(part.chain(), part.firstSealNo() - 1);
                 seal.isPresent() && seal.get().lastSeq() <= part.last(); seal = store.sealAfter(part.chain(), seal.get().sealNo())) {
                zip.write(line(inChain(part.chain(), seal(seal.get()))));
                count++;
            }
            seals.put(part.chain(), count);
        }
        zip.closeEntry();

        Map<String, Long> records = new LinkedHashMap<>();
        zip.putNextEntry(new ZipEntry("records.jsonl"));
        for (Part part : parts) {
            long count = 0;
            for (long after = part.first() - 1; after < part.last(); ) {
                List<MessageLogRecord> chunk = store.records(part.chain(), after, part.last(), CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                for (MessageLogRecord record : chunk) {
                    zip.write(line(inChain(part.chain(), record(record))));
                    count++;
                }
                after = chunk.get(chunk.size() - 1).seq();
            }
            records.put(part.chain(), count);
        }
        zip.closeEntry();

        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("exportedAt", now.toString())
                .put("periodFrom", from.toString()).put("periodTo", to.toString());
        ArrayNode chains = manifest.putArray("chains");
        List<ChainExported> exported = new ArrayList<>();
        for (Part part : parts) {
            chains.addObject().put("chain", part.chain()).put("firstSeq", part.first()).put("lastSeq", part.last())
                    .put("previousRecordHash", part.previousRecordHash()).put("firstSealNo", part.firstSealNo())
                    .put("previousSealHash", part.previousSealHash()).put("records", records.get(part.chain()))
                    .put("seals", seals.get(part.chain()));
            exported.add(new ChainExported(part.chain(), records.get(part.chain()), seals.get(part.chain()), part.first(), part.last()));
        }
        long recordCount = records.values().stream().mapToLong(Long::longValue).sum();
        long sealCount = seals.values().stream().mapToLong(Long::longValue).sum();
        manifest.put("records", recordCount).put("seals", sealCount);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme(from, to, recordCount, sealCount, parts.size()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        return new Exported(recordCount, sealCount, List.copyOf(exported));
    }

    /**
     * Refuses a chain the log does not hold at all (a chain without records in the period exports empty).
     *
     * @throws MessageLogVerifier.UnknownChainException when the chain is named and has neither records nor seals
     */
    static void requireChain(MessageLogStore store, String chain) throws SQLException {
        if (chain != null && store.chainEnd(chain).isEmpty()) {
            throw new MessageLogVerifier.UnknownChainException("the message log has no chain " + chain);
        }
    }

    /** A chain's records {@code firstInPeriod..lastInPeriod}, widened to the seals that cover them, and its anchor. */
    private static Part part(MessageLogStore store, String chain, long firstInPeriod, long lastInPeriod) throws SQLException {
        Optional<MessageLogSeal> startSeal = store.sealCovering(chain, firstInPeriod);
        Optional<MessageLogSeal> endSeal = store.sealCovering(chain, lastInPeriod);
        long first = startSeal.map(MessageLogSeal::firstSeq).orElse(firstInPeriod);
        long last = endSeal.map(MessageLogSeal::lastSeq).orElse(lastInPeriod);
        String genesis = Chains.genesis(chain);
        long firstSealNo;
        String previousSealHash;
        if (startSeal.isPresent()) {
            firstSealNo = startSeal.get().sealNo();
            previousSealHash = startSeal.get().previousSealHash();
        } else {
            Optional<MessageLogSeal> lastSeal = store.lastSeal(chain);
            firstSealNo = lastSeal.map(s -> s.sealNo() + 1).orElse(1L);
            previousSealHash = lastSeal.map(MessageLogSeal::sealHash).orElse(genesis);
        }
        String previousRecordHash = genesis;
        if (first > 1) {
            // the sealed hash of the record before, where there is one: it is what the chain was signed with
            long before = first - 1;
            Optional<MessageLogSeal> sealBefore = store.sealCovering(chain, before);
            previousRecordHash = sealBefore.isPresent() ? Hashes.hex(sealBefore.get().hashOf(before))
                    : store.recordHash(chain, before).orElse(genesis);
        }
        return new Part(chain, first, last, firstSealNo, previousRecordHash, previousSealHash);
    }

    private static ObjectNode inChain(String chain, ObjectNode line) {
        ObjectNode node = JSON.createObjectNode().put("chain", chain);
        node.setAll(line);
        return node;
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
            String format = manifest.path("format").asText();
            if (!FORMAT.equals(format) && !SINGLE_CHAIN_FORMAT.equals(format)) {
                throw new IOException(file + " is not a message log archive of format " + FORMAT + " or " + SINGLE_CHAIN_FORMAT);
            }
            return new ArchiveSource(zip, file, manifest, SINGLE_CHAIN_FORMAT.equals(format));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static final class ArchiveSource implements LogSource {
        /** The chain of a line that names none in an archive of chains: listed and verified as such, never dropped. */
        private static final String NO_CHAIN = "(no chain)";

        private final ZipFile zip;
        private final Path file;
        private final JsonNode manifest;
        private final boolean singleChain;
        private final Map<String, JsonNode> anchors = new LinkedHashMap<>();
        private final List<BufferedReader> open = new ArrayList<>();
        private List<String> chains;

        ArchiveSource(ZipFile zip, Path file, JsonNode manifest, boolean singleChain) {
            this.zip = zip;
            this.file = file;
            this.manifest = manifest;
            this.singleChain = singleChain;
            if (singleChain) {
                anchors.put(Chains.SINGLE_HUB, manifest);
            } else {
                manifest.path("chains").forEach(part -> anchors.put(part.path("chain").asText(NO_CHAIN), part));
            }
        }

        /** The chains the manifest names, and any other a line names (it is verified too, from its genesis). */
        @Override
        public List<String> chains() {
            if (chains == null) {
                TreeSet<String> names = new TreeSet<>(anchors.keySet());
                lines("seals.jsonl", null, node -> node).forEachRemaining(node -> names.add(chainOf(node)));
                lines("records.jsonl", null, node -> node).forEachRemaining(node -> names.add(chainOf(node)));
                chains = List.copyOf(names);
            }
            return chains;
        }

        @Override
        public Anchor anchor(String chain) {
            JsonNode anchor = anchors.get(chain);
            if (anchor == null) {
                return Anchor.genesis(chain);
            }
            String genesis = Chains.genesis(chain);
            return new Anchor(anchor.path("firstSeq").asLong(1), anchor.path("previousRecordHash").asText(genesis),
                    anchor.path("firstSealNo").asLong(1), anchor.path("previousSealHash").asText(genesis));
        }

        @Override
        public Iterator<MessageLogRecord> records(String chain) {
            return lines("records.jsonl", chain, MessageLogArchive::record);
        }

        @Override
        public Iterator<MessageLogSeal> seals(String chain) {
            return lines("seals.jsonl", chain, MessageLogArchive::seal);
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

        private String chainOf(JsonNode line) {
            return singleChain ? Chains.SINGLE_HUB : line.path("chain").asText(NO_CHAIN);
        }

        /** The lines of an entry, those of {@code chain} only (null: all), read as they are taken. */
        private <T> Iterator<T> lines(String name, String chain, java.util.function.Function<JsonNode, T> read) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return Collections.emptyIterator();
            }
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
                open.add(reader);
                return new Iterator<>() {
                    private JsonNode ahead = next(reader);

                    @Override
                    public boolean hasNext() {
                        return ahead != null;
                    }

                    @Override
                    public T next() {
                        if (ahead == null) {
                            throw new NoSuchElementException();
                        }
                        T value = read.apply(ahead);
                        ahead = next(reader);
                        return value;
                    }

                    private JsonNode next(BufferedReader reader) {
                        try {
                            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                                JsonNode node = JSON.readTree(line);
                                if (chain == null || chain.equals(chainOf(node))) {
                                    return node;
                                }
                            }
                            return null;
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

    private static String readme(Instant from, Instant to, long records, long seals, int chains) {
        return """
                OneWindow Hub message log archive (签名防篡改的报文日志导出)

                The exchanges the hubs logged from %s to %s, widened to whole seals: %d record(s), %d seal(s) in %d
                chain(s). Each hub keeps a chain of its own, named by its instance id (the "chain" of every line and of
                manifest.json); positions and seal numbers count within a chain. Each record holds when, who (from, to),
                the case and task, the operation, the outcome and the SHA-256 of the request and the answer; its
                record_hash chains it to the record before in its chain. Each seal holds the hashes of its chain's records,
                signed with the hub's SM2 key (SM3withSM2, certificates/signer-*.pem) and time-stamped per RFC 3161
                (certificates/tsa-*.pem).

                Verify it, on any machine with Java 17 and the hub's jar:

                    hub/message-log verify --archive <this file> [--chain <name>] [--signer-certificate <pem>] [--tsa-certificate <pem>]

                It verifies each chain on its own, exits 0 and prints a summary per chain when everything verifies;
                otherwise it exits 1 and names, per chain, the first record (its position) that was altered, removed or
                reordered, and the seal that no longer verifies. Give the certificates you trust: without them the
                certificates carried in this archive are trusted.
                """.formatted(from, to, records, seals, chains);
    }
}
