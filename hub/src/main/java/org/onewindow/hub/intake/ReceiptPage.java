package org.onewindow.hub.intake;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.cases.ApplicantWait;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.PrintedPage;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.schemas.catalogue.Department;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.onewindow.hub.cases.PrintedPage.esc;
import static org.onewindow.hub.cases.PrintedPage.row;

/**
 * The printable acceptance receipt (受理通知单) the window hands the applicant: the case number, each item with its
 * department, its promised time limit and the day it is promised by on the working calendar, and what the applicant
 * still owes (deferred materials). Chinese as the applicant reads it, English under each heading.
 */
@Component
class ReceiptPage {

    private static final DateTimeFormatter ACCEPTED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ServiceCatalogue catalogue;
    private final WorkingCalendar calendar;

    ReceiptPage(ServiceCatalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    String render(CaseRecord c, Instant acceptedAt, List<TaskRecord> tasks, List<ApplicantWait> waits) {
        StringBuilder html = new StringBuilder(4096);
        html.append(PrintedPage.head("受理通知单", "Acceptance receipt", c.caseId()));
        String service = c.itemCode() != null
                ? catalogue.item(c.itemCode()).map(i -> i.nameZh() + " " + i.name()).orElse(c.itemCode())
                : catalogue.bundle(c.bundleCode()).map(b -> b.nameZh() + " " + b.name()).orElse(c.bundleCode());
        html.append("<table class=\"meta\">")
                .append(row("办件编号 Case no.", c.caseId()))
                .append(row("申请人 Applicant", c.applicantName() + "（" + IdentifierMask.mask(c.applicantId()) + "）"))
                .append(row("申请事项 Applying for", service))
                .append(row("受理时间 Accepted", ACCEPTED.format(acceptedAt.atZone(calendar.zone()))))
                .append("</table>\n");
        html.append("<h2>办理事项与承诺办结时间 <span class=\"en\">Items and the day each is promised by</span></h2>\n")
                .append("<table><tr><th>事项 Item</th><th>办理部门 Department</th><th>承诺时限 Promised limit</th>")
                .append("<th>承诺办结日期 Promised by</th></tr>\n");
        for (TaskRecord task : tasks) {
            Item item = catalogue.item(task.itemCode()).orElse(null);
            String department = catalogue.department(task.department()).map(Department::nameZh).orElse(task.department());
            TimeLimit promised = task.clock() != null ? task.clock().promised()
                    : item == null ? TimeLimit.workingDays(0) : item.promisedLimit();
            Instant by = task.clock() != null ? task.clock().deadline() : calendar.deadline(acceptedAt, promised);
            html.append("<tr data-item=\"").append(esc(task.itemCode())).append("\"><td>")
                    .append(esc(item == null ? task.itemCode() : item.nameZh() + " " + item.name())).append("</td><td>")
                    .append(esc(department)).append("</td><td>")
                    .append(promisedText(promised)).append("</td><td data-promised-by=\"")
                    .append(calendar.localDate(by)).append("\">").append(esc(DAY.format(calendar.localDate(by))))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        List<ApplicantWait> deferred = waits.stream().filter(w -> w.kind() == ApplicantWait.Kind.DEFERRED_MATERIAL).toList();
        if (!deferred.isEmpty()) {
            html.append("<h2>容缺后补的材料 <span class=\"en\">Materials to bring later (容缺受理)</span></h2>\n")
                    .append("<table><tr><th>材料 Material</th><th>最迟补交日期 Bring by</th></tr>\n");
            for (ApplicantWait wait : deferred) {
                html.append("<tr data-material=\"").append(esc(wait.subject())).append("\"><td>").append(esc(wait.subject()))
                        .append("</td><td>").append(wait.dueBy() == null ? "" : esc(DAY.format(wait.dueBy()))).append("</td></tr>\n");
            }
            html.append("</table>\n<p>补交材料期间办理时限暂停计算。<br><span class=\"en\">The time limit stands still until "
                    + "you bring them.</span></p>\n");
        }
        html.append("<p>承诺办结日期按工作日计算，已扣除法定节假日，含调休上班日。<br><span class=\"en\">Promised days count working "
                        + "days on the official calendar: public holidays excluded, adjusted working weekends included.</span></p>\n")
                .append("<p class=\"noprint\"><button onclick=\"window.print()\">打印 Print</button></p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** "即办 immediate", "3 个工作日 working days", "2 个工作小时 working hours" */
    private static String promisedText(TimeLimit promised) {
        if (promised.unit() == TimeLimit.Unit.WORKING_DAYS && promised.count() == 0) {
            return "即办 immediate";
        }
        return promised.count() + " " + promised.unit().nameZh() + " " + promised.unit().englishName(promised.count());
    }
}
