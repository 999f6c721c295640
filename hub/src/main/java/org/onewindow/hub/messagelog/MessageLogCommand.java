package org.onewindow.hub.messagelog;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hub/message-log}: verifies the message log in a database or in an exported archive, and exports a period;
 * every chain (one per hub) each on its own, or the one named with {@code --chain}.
 * Plain Java, no Spring context: it starts in a second or so and runs wherever Java and the hub's jar are.
 * Exit codes: 0 verified (or exported), 1 the log fails verification, 2 a usage error or what was named cannot be read.
 */
public final class MessageLogCommand {

    /** The embedded default's database: {@code <onewindow.data-dir>/db/onewindow}, ./data unless the script says otherwise. */
    static String defaultUrl() {
        return "jdbc:h2:file:" + Path.of(System.getProperty("onewindow.data-dir", "./data")).toAbsolutePath().normalize()
                + "/db/onewindow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
    }

    static final String USAGE = """
            usage:
              hub/message-log verify [--jdbc-url URL --user USER --password PASSWORD] [--chain NAME]
              hub/message-log verify --archive FILE [--chain NAME]
              hub/message-log export --from TIME --to TIME --out FILE [--jdbc-url URL --user USER --password PASSWORD] [--chain NAME]
            options:
              --chain NAME               only this hub's chain (its instance id, onewindow.instance.id); default: every
                                         chain, each verified on its own (records from before chains: single-hub)
              --signer-certificate PEM   trust only this seal-signing certificate (repeatable); default: those the log carries
              --tsa-certificate PEM      trust only this time-stamping authority (repeatable); default: those the log carries
              --zone ZONE                for TIME without an offset (default Asia/Shanghai)
            TIME is 2026-12-03 (the whole day, in --to too), 2026-12-03T10:00 (in --zone) or 2026-12-03T02:00:00Z.
            The default database is the embedded default's data/db/onewindow (user sa, no password). The hub locks that
            H2 file while it runs: stop it first, or ask the running hub (POST /api/v1/message-log/verification,
            GET /api/v1/message-log/archive?from=&to=).
            Exit 0: verified (summary printed per chain); 1: a chain fails, the first record of it altered, removed or
            reordered is named; 2: usage error, no such chain, or the database or archive cannot be read.
            """;

    private MessageLogCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Map<String, List<String>> options = options(args);
            return switch (args[0]) {
                case "verify" -> verify(options, out);
                case "export" -> export(options, out);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        } catch (MessageLogVerifier.UnknownChainException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | SQLException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            if (String.valueOf(e.getMessage()).contains("already in use")) {
                err.println("The hub locks its H2 file while it runs: stop it, or ask it: POST /api/v1/message-log/verification");
            }
            return 2;
        }
    }

    private static int verify(Map<String, List<String>> options, PrintStream out) throws IOException, SQLException {
        List<X509Certificate> signers = certificates(options.get("--signer-certificate"));
        List<X509Certificate> authorities = certificates(options.get("--tsa-certificate"));
        MessageLogVerifier verifier = new MessageLogVerifier(signers, authorities);
        String chain = optional(options, "--chain", null);
        Verification result;
        if (options.containsKey("--archive")) {
            try (LogSource archive = MessageLogArchive.open(Path.of(single(options, "--archive")))) {
                result = chain == null ? verifier.verify(archive) : verifier.verify(archive, chain);
            }
        } else {
            String url = optional(options, "--jdbc-url", defaultUrl());
            try (Database database = new Database(url, optional(options, "--user", "sa"), optional(options, "--password", ""))) {
                DatabaseLogSource source = new DatabaseLogSource(database.store(), "database " + withoutSecrets(url), chain);
                result = chain == null ? verifier.verify(source) : verifier.verify(source, chain);
            }
        }
        out.print(result.summary());
        return result.ok() ? 0 : 1;
    }

    private static int export(Map<String, List<String>> options, PrintStream out) throws IOException, SQLException {
        ZoneId zone = ZoneId.of(optional(options, "--zone", "Asia/Shanghai"));
        Instant from = time(single(options, "--from"), zone, false);
        Instant to = time(single(options, "--to"), zone, true);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        Path file = Path.of(single(options, "--out"));
        String url = optional(options, "--jdbc-url", defaultUrl());
        MessageLogArchive.Exported exported;
        try (Database database = new Database(url, optional(options, "--user", "sa"), optional(options, "--password", ""));
             OutputStream zip = Files.newOutputStream(file)) {
            exported = MessageLogArchive.export(database.store(), optional(options, "--chain", null), from, to, Instant.now(), zip);
        }
        out.printf("Exported %d record(s) and %d seal(s) of %d chain(s) logged %s – %s to %s%n", exported.records(), exported.seals(),
                exported.chains().size(), from, to, file);
        for (MessageLogArchive.ChainExported chain : exported.chains()) {
            out.printf("  chain %s: %d record(s) (positions %d–%d), %d seal(s)%n", chain.chain(), chain.records(), chain.firstSeq(),
                    chain.lastSeq(), chain.seals());
        }
        out.println("Verify it anywhere: hub/message-log verify --archive " + file);
        return 0;
    }

    /** A database of its own for the command: one connection, no pool, no Spring context. */
    private static final class Database implements AutoCloseable {
        private final SingleConnectionDataSource dataSource;

        Database(String url, String user, String password) {
            this.dataSource = new SingleConnectionDataSource(url, user, password, true);
        }

        MessageLogStore store() {
            return new MessageLogStore(dataSource);
        }

        @Override
        public void close() {
            dataSource.destroy();
        }
    }

    static Instant time(String value, ZoneId zone, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time: " + value + " (2026-12-03, 2026-12-03T10:00 or 2026-12-03T02:00:00Z)");
        }
    }

    private static List<X509Certificate> certificates(List<String> files) throws IOException {
        if (files == null) {
            return null;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (String file : files) {
            certificates.add(Crypto.certificate(Files.readAllBytes(Path.of(file)), file));
        }
        return certificates;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i].startsWith("--") ? args[i] + " needs a value" : "unexpected " + args[i]);
            }
            if (!List.of("--jdbc-url", "--user", "--password", "--archive", "--signer-certificate", "--tsa-certificate", "--from",
                    "--to", "--out", "--zone", "--chain").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String single(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return values.get(values.size() - 1);
    }

    private static String optional(Map<String, List<String>> options, String name, String fallback) {
        return options.containsKey(name) ? single(options, name) : fallback;
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
