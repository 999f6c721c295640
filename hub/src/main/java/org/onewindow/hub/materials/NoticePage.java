package org.onewindow.hub.materials;

import org.onewindow.hub.cases.PrintedPage;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import static org.onewindow.hub.cases.PrintedPage.esc;
import static org.onewindow.hub.cases.PrintedPage.row;

/** The printable one-time notice (一次性告知单), in Chinese as the applicant reads it, English under each heading. */
@Component
public class NoticePage {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ZoneId zone;

    NoticePage(@org.springframework.beans.factory.annotation.Value("${onewindow.intake.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    public String render(OneTimeNotice n) {
        StringBuilder html = new StringBuilder(4096);
        html.append(PrintedPage.head("一次性告知单", "One-time notice", n.noticeId()));
        html.append("<table class=\"meta\">")
                .append(row("告知单编号 Notice no.", n.noticeId()))
                .append(row("申请人 Applicant", n.applicantName() + "（" + n.applicantMaskedId() + "）"))
                .append(row("申请事项 Applying for", n.serviceNameZh() + " " + n.serviceName() + "（" + n.serviceCode() + "）"))
                .append(row("出具时间 Issued", ISSUED.format(n.issuedAt().atZone(zone))))
                .append("</table>\n");
        section(html, "需提交的材料", "Materials to bring", n.mustBring(), List.of("材料 Material", "用于事项 For items", "说明 Note"),
                e -> List.of(e.nameZh() + " " + e.name(), String.join("、", e.items()),
                        e.brought() ? "已提供 brought" : nullToEmpty(e.reason())));
        section(html, "可容缺后补的材料", "Materials that may be brought later (容缺受理)", n.mayDefer(),
                List.of("材料 Material", "用于事项 For items", "最迟补交日期 Bring by"),
                e -> List.of(e.nameZh() + " " + e.name(), String.join("、", e.items()),
                        e.deferredUntil() == null ? "" : DAY.format(e.deferredUntil())));
        section(html, "免提交的材料", "Materials you need not bring (免提交)", n.exempt(),
                List.of("材料 Material", "用于事项 For items", "替代依据 Replaced by"),
                e -> List.of(e.nameZh() + " " + e.name(), String.join("、", e.items()),
                        (e.reference() == null ? "" : "电子证照/共享数据 " + e.reference() + "；") + nullToEmpty(e.evidence())));
        if (!n.waitingForSystems().isEmpty()) {
            section(html, "暂时无法核验的材料", "Materials that cannot be checked right now", n.waitingForSystems(),
                    List.of("材料 Material", "用于事项 For items", "原因 Why"),
                    e -> List.of(e.nameZh() + " " + e.name(), String.join("、", e.items()),
                            "系统暂不可用，将自动重新核验，无需您提交 (system down: checked again automatically; you need not bring it) "
                                    + nullToEmpty(e.reason())));
        }
        html.append("<p>免提交比例 Exemption ratio: ").append(n.ratio().exempted()).append(" / ").append(n.ratio().required())
                .append("（").append(Math.round(n.ratio().ratio() * 100)).append("%）</p>\n")
                .append("<p>本告知单所列材料之外，不再要求您提交其他材料。<br><span class=\"en\">Nothing beyond this notice will be asked of you.</span></p>\n")
                .append("<p class=\"noprint\"><button onclick=\"window.print()\">打印 Print</button></p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, String titleZh, String title, List<OneTimeNotice.Entry> entries,
                                List<String> headings, Function<OneTimeNotice.Entry, List<String>> cells) {
        html.append("<h2 data-section=\"").append(esc(title)).append("\">").append(esc(titleZh)).append(" <span class=\"en\">").append(esc(title)).append("</span></h2>\n");
        if (entries.isEmpty()) {
            html.append("<p>无 None</p>\n");
            return;
        }
        html.append("<table><tr>");
        headings.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>\n");
        for (OneTimeNotice.Entry entry : entries) {
            html.append("<tr data-material=\"").append(esc(entry.materialCode())).append("\">");
            cells.apply(entry).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
