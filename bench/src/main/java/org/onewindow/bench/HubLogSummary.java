package org.onewindow.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hub wrote to its log at WARN and ERROR while it served (its start and shutdown left out), grouped by level,
 * logger and message with ids and numbers blanked: a report then says when the figures were measured on a hub that was
 * failing at something (a deadlock retried, a writer that cannot write), instead of hiding it.
 */
final class HubLogSummary {

    /** One kind of line: how often a hub logged it. */
    record Logged(String hub, String level, String logger, String message, int count) {
    }

    /** Spring Boot's console line: time, level, pid, ---, [application], [thread, padded to 15], logger, ": ", message. */
    private static final Pattern LINE = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s+\\d+\\s+---\\s+\\[[^\\]]*\\]\\s+\\[.{15}\\]\\s+(\\S+)\\s*:\\s(.*)$");
    private static final int MESSAGE_CHARACTERS = 220;

    private HubLogSummary() {
    }

    /** The {@code top} most frequent kinds of WARN and ERROR lines in the given byte ranges {from, to} of the log. */
    static List<Logged> of(String hub, Path log, List<long[]> ranges, int top) {
        Map<String, Logged> kinds = new LinkedHashMap<>();
        for (long[] range : ranges) {
            List<String> lines = lines(log, range[0], range[1]);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINE.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                String message = m.group(3);
                // PostgreSQL's reason for a failed batch is on the next line ("  Detail: Key (seq)=(…) already exists.")
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("  Detail:")) {
                    message = lines.get(i + 1).strip() + " — " + message;
                }
                String text = blank(message);
                String key = m.group(1) + " " + m.group(2) + " " + text;
                Logged known = kinds.get(key);
                kinds.put(key, new Logged(hub, m.group(1), m.group(2), text, known == null ? 1 : known.count() + 1));
            }
        }
        return kinds.values().stream().sorted(Comparator.comparingInt(Logged::count).reversed()).limit(top).toList();
    }

    /** Ids, hashes and numbers blanked, so that lines of one kind group; a Camel redelivery keeps its cause only. */
    static String blank(String message) {
        int caught = message.indexOf(" caught: ");
        String text = caught >= 0 ? message.substring(0, message.indexOf(' ')) + " … caught: " + message.substring(caught + 9) : message;
        text = text.replaceAll("OW\\d{8}-[0-9A-Z]{10}(-\\d+)?", "<case>")
                .replaceAll("\\b[0-9a-fA-F-]{16,}\\b", "<id>")
                .replaceAll("\\d+", "#");
        return text.length() <= MESSAGE_CHARACTERS ? text : text.substring(0, MESSAGE_CHARACTERS) + " …";
    }

    private static List<String> lines(Path log, long from, long to) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = Math.min(to, file.length());
            if (end <= from) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, end - from)];
            file.seek(from);
            file.readFully(bytes);
            return new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            return List.of();
        }
    }
}
