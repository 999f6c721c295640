package org.onewindow.hub.cases;

import org.springframework.web.util.HtmlUtils;

/**
 * What the printable pages handed to an applicant share (the one-time notice 一次性告知单, the acceptance receipt
 * 受理通知单): the head with its print style and the Chinese title over the English one, a label-value row, escaping.
 */
public final class PrintedPage {

    private PrintedPage() {
    }

    /** The page up to and including its heading: "一次性告知单" over "One-time notice", {@code number} in the title bar. */
    public static String head(String titleZh, String title, String number) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>%s %s %s</title>
                <style>
                  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 48em; color: #111; }
                  h1 { text-align: center; font-size: 1.6em; margin-bottom: 0.2em; }
                  .en { color: #555; font-size: 0.85em; font-weight: normal; }
                  table { border-collapse: collapse; width: 100%%; margin: 0.5em 0 1.2em; }
                  th, td { border: 1px solid #444; padding: 0.35em 0.5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
                  th { background: #eee; }
                  .meta td { border: none; padding: 0.1em 0.5em 0.1em 0; }
                  @media print { body { margin: 0; } .noprint { display: none; } }
                </style>
                </head>
                <body>
                <h1>%s<br><span class="en">%s</span></h1>
                """.formatted(esc(titleZh), esc(title), esc(number), esc(titleZh), esc(title));
    }

    /** A row of the page's meta table: label, value. */
    public static String row(String label, String value) {
        return "<tr><td>" + esc(label) + "</td><td>" + esc(value) + "</td></tr>";
    }

    public static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
