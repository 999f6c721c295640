package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentFaultException;
import org.onewindow.adapters.kit.DepartmentMapping;
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Translates between the hub's tasks and the medical security bureau's gateway (医疗保障局; contract:
 * contracts/departments/medical-insurance/ in this adapter), which speaks in the manner of the national medical
 * insurance information platform's interfaces (医疗保障信息平台接口规范): every call is {@code POST} to one endpoint with
 * {@code {"infno", "msgid", "infver", "inf_time", "opter_type", "opter", "opter_name", "org_code", "org_name", "input"}};
 * infno names the transaction, msgid is the hub's task id (or share id), which the bureau answers a second time
 * with its first answer. Every answer is {@code {"infcode", "inf_refmsgid", "err_msg", "output", ...}}: infcode 0 done,
 * -1 refused (err_msg says why), -2 busy (retried).
 */
@Component("medicalInsuranceMapping")
public class MedicalInsuranceMapping implements DepartmentMapping {

    static final String DEPARTMENT = "medical-insurance";
    static final String PATH = "/hsa/gateway/v1/transaction";
    static final String SHARE_INFNO = "7901";
    private static final int DONE = 0;
    private static final int REFUSED = -1;
    private static final int BUSY = -2;
    private static final String VERSION = "V1.0";
    /** 经办人类别 1 (经办人): the bureau registered the one-window hub as an operator (opter) of an accessing institution. */
    private static final String OPERATOR_TYPE = "1";
    private static final String OPERATOR = "YCSL";
    private static final String OPERATOR_NAME = "一窗受理综合窗口";
    private static final String INSTITUTION = "YCSL";
    private static final String INSTITUTION_NAME = "政务服务中心一窗受理综合系统";
    private static final String JSON = "application/json; charset=UTF-8";
    /** The bureau checks inf_time against its own clock, on Beijing time. */
    private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int EXCERPT = 200;
    static final String CONTRACTS = "/contracts/departments/medical-insurance/";
    /** Every reply is checked against its transaction's contract, lengths included. */
    private static final Map<String, JsonReplies> REPLIES = Stream.concat(
                    MedicalInsuranceTransaction.OFFERED.stream().map(MedicalInsuranceTransaction::infno), Stream.of(SHARE_INFNO))
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    infno -> JsonReplies.checkedAgainst(DEPARTMENT, CONTRACTS + "reply-" + infno + ".schema.json")));

    private final Clock clock;

    public MedicalInsuranceMapping() {
        this(Clock.systemUTC());
    }

    MedicalInsuranceMapping(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public DepartmentRequest request(TaskMessage task) {
        MedicalInsuranceTransaction transaction = MedicalInsuranceTransaction.forItem(task.itemCode());
        return new DepartmentRequest(PATH, envelope(transaction.infno(), task.taskId(), transaction.input(task)), JSON);
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, int httpStatus, String replyBody) {
        MedicalInsuranceTransaction transaction = MedicalInsuranceTransaction.forItem(task.itemCode());
        JsonReplies contract = REPLIES.get(transaction.infno());
        JsonNode reply = answer("task " + task.taskId(), httpStatus, replyBody);
        if (infcode(reply) == REFUSED) {
            String reason = JsonReplies.requiredText(DEPARTMENT, reply, "/err_msg");
            contract.check(reply);
            return TaskOutcome.rejected(reply.path("inf_refmsgid").asText(null), "[" + REFUSED + "] " + reason);
        }
        String reference = JsonReplies.requiredText(DEPARTMENT, reply, "/inf_refmsgid");
        JsonNode output = reply.path("output");
        if (!output.isObject()) {
            throw new DepartmentContractException(DEPARTMENT + " reply lacks the required field /output");
        }
        Map<String, String> results = transaction.results(output);
        // the bureau's own checks first (their reasons are the clearer ones), then the whole contract, lengths included
        contract.check(reply);
        return TaskOutcome.completed(reference, results);
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    /** 7901 共享数据接收: the bureau takes shared data as a transaction of its own; the share id is its msgid. */
    @Override
    public DepartmentRequest shareRequest(SharedData share) {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("agreement_no", share.agreement());
        shared.put("provider", share.producer());
        shared.put("data_item", share.dataItem());
        shared.put("purpose", share.purpose());
        shared.put("subject_certno", share.holderId());
        if (share.caseId() != null) {
            shared.put("case_no", share.caseId());
        }
        shared.put("data", share.data());
        return new DepartmentRequest(PATH, envelope(SHARE_INFNO, share.shareId(), Map.of("shareinfo", shared)), JSON);
    }

    @Override
    public void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        JsonNode reply = answer("shared data " + share.shareId(), httpStatus, replyBody);
        if (infcode(reply) != DONE) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + ": [" + infcode(reply) + "] "
                    + reply.path("err_msg").asText(""));
        }
        JsonReplies.requiredText(DEPARTMENT, reply, "/output/rcpt_no");
        REPLIES.get(SHARE_INFNO).check(reply);
    }

    /**
     * The checks every reply passes before it is read (the whole contract, lengths included, is checked once the
     * mapping has read what it needs, so that its own clearer reasons come first): HTTP 200 (the gateway answers every
     * transaction it took with 200, and a message it could not take with 400), JSON with an integer infcode of 0 or -1,
     * and not "busy" (-2, retried).
     */
    private JsonNode answer(String what, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus + " to " + what
                    + "; its gateway answers every transaction it takes with 200: " + excerpt(replyBody));
        }
        JsonNode reply = JsonReplies.parse(DEPARTMENT, replyBody);
        JsonReplies.requiredText(DEPARTMENT, reply, "/infcode");
        if (!reply.get("infcode").isIntegralNumber()) {
            throw new DepartmentContractException(DEPARTMENT + " sent infcode " + reply.get("infcode") + ", not an integer");
        }
        int code = infcode(reply);
        if (code == BUSY) {
            throw new DepartmentFaultException(DEPARTMENT + " is busy [" + code + "] " + reply.path("err_msg").asText("")
                    + "; " + what + " is tried again later", null);
        }
        if (code != DONE && code != REFUSED) {
            throw new DepartmentContractException(DEPARTMENT + " sent infcode " + code + " to " + what
                    + ", not one of 0 (done), -1 (refused), -2 (busy)");
        }
        return reply;
    }

    private static int infcode(JsonNode reply) {
        return reply.get("infcode").asInt();
    }

    private String envelope(String infno, String msgid, Map<String, Object> input) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("infno", infno);
        envelope.put("msgid", msgid);
        envelope.put("infver", VERSION);
        envelope.put("inf_time", INF_TIME.format(clock.instant().atZone(BUREAU_ZONE)));
        envelope.put("opter_type", OPERATOR_TYPE);
        envelope.put("opter", OPERATOR);
        envelope.put("opter_name", OPERATOR_NAME);
        envelope.put("org_code", INSTITUTION);
        envelope.put("org_name", INSTITUTION_NAME);
        envelope.put("input", input);
        return JsonReplies.json(envelope);
    }

    /** Enough of an unexpected reply for the dead letter's reason, not a whole error page. */
    private static String excerpt(String replyBody) {
        if (replyBody == null || replyBody.isBlank()) {
            return "(empty body)";
        }
        String flat = replyBody.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }
}
