package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentFaultException;
import org.onewindow.adapters.kit.DepartmentMapping;
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the hub's tasks and the housing provident fund management centre's open API
 * (住房公积金管理中心; contract: contracts/departments/housing-fund/ in this adapter). Every call is a
 * transaction {@code POST /gjj/openapi/v2/trans/{trans_code}} with the envelope
 * {@code {"trans_code","trans_seq","trans_time","channel_code","data"}} in snake_case, the trans_seq
 * repeated in the X-Trans-Seq header. Every decision comes back with HTTP 200 and
 * {@code {"ret_code","ret_msg","trans_code","trans_seq","data"}}: {@code 000000} done, {@code 999999}
 * busy (try later), anything else a refusal with its reason in ret_msg.
 */
@Component("housingFundMapping")
public class HousingFundMapping implements DepartmentMapping {

    static final String DEPARTMENT = "housing-fund";
    static final String PATH = "/gjj/openapi/v2/trans/";
    private static final String DONE = "000000";
    private static final String BUSY = "999999";
    private static final String SHARE_TRANS_CODE = "GX0101";
    /** 渠道编码: the centre knows the hub as the one-window channel 一窗受理. */
    private static final String CHANNEL = "YCSL";
    private static final String JSON = "application/json; charset=UTF-8";
    /** The centre checks trans_time against its own clock, on Beijing time. */
    private static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TRANS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final int EXCERPT = 200;
    /** Every reply is checked against the centre's contract, its lengths included. */
    private static final JsonReplies REPLIES = JsonReplies.checkedAgainst(DEPARTMENT,
            "/contracts/departments/housing-fund/trans-reply.schema.json");

    private final Clock clock;

    public HousingFundMapping() {
        this(Clock.systemUTC());
    }

    HousingFundMapping(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public DepartmentRequest request(TaskMessage task) {
        HousingFundService service = HousingFundService.forItem(task.itemCode());
        return new DepartmentRequest(PATH + service.transCode(),
                envelope(service.transCode(), task.taskId(), service.data(task, applicant(task.applicant()))), JSON);
    }

    /** 申请人: a person by resident ID card (01), a unit by its credit code (10) and the person acting for it. */
    private static Map<String, Object> applicant(Applicant applicant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean unit = applicant.kind() == ApplicantKind.COMPANY;
        fields.put("applicant_type", unit ? "2" : "1");
        fields.put("applicant_name", applicant.name());
        fields.put("cert_type", unit ? "10" : "01");
        fields.put("cert_no", unit ? applicant.creditCode() : applicant.idNumber());
        fields.put("mobile", applicant.mobile());
        if (unit && applicant.idNumber() != null) {
            fields.put("agent_cert_no", applicant.idNumber());
        }
        return fields;
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, int httpStatus, String replyBody) {
        JsonNode reply = answer(task.taskId(), "task " + task.taskId(), httpStatus, replyBody);
        String code = reply.get("ret_code").asText();
        if (!DONE.equals(code)) {
            String message = JsonReplies.requiredText(DEPARTMENT, reply, "/ret_msg");
            REPLIES.check(reply);
            return TaskOutcome.rejected(reply.at("/data/biz_no").asText(null), "[" + code + "] " + message);
        }
        HousingFundService service = HousingFundService.forItem(task.itemCode());
        String transCode = JsonReplies.requiredText(DEPARTMENT, reply, "/trans_code");
        if (!service.transCode().equals(transCode)) {
            throw new DepartmentContractException(DEPARTMENT + " answered transaction " + transCode + " to " + service.transCode()
                    + " for task " + task.taskId());
        }
        String bizNo = JsonReplies.requiredText(DEPARTMENT, reply, "/data/biz_no");
        Map<String, String> results = service.results(reply.get("data"));
        // the centre's own checks first (their reasons are the clearer ones), then the whole contract, lengths included
        REPLIES.check(reply);
        return TaskOutcome.completed(bizNo, results);
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    /** GX0101 共享数据接收: the centre takes shared data as a transaction of its own. */
    @Override
    public DepartmentRequest shareRequest(SharedData share) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agreement_no", share.agreement());
        data.put("provider", share.producer());
        data.put("data_item", share.dataItem());
        data.put("purpose", share.purpose());
        data.put("subject_cert_no", share.holderId());
        if (share.caseId() != null) {
            data.put("case_no", share.caseId());
        }
        data.put("share_data", share.data());
        return new DepartmentRequest(PATH + SHARE_TRANS_CODE, envelope(SHARE_TRANS_CODE, share.shareId(), data), JSON);
    }

    @Override
    public void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        JsonNode reply = answer(share.shareId(), "shared data " + share.shareId(), httpStatus, replyBody);
        String code = reply.get("ret_code").asText();
        if (!DONE.equals(code)) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + ": [" + code + "] "
                    + reply.at("/ret_msg").asText(""));
        }
        JsonReplies.requiredText(DEPARTMENT, reply, "/data/receipt_no");
        REPLIES.check(reply);
    }

    /**
     * The checks every reply passes before its code is read (the whole contract, lengths included, is checked
     * once the mapping has read what it needs, so that its own clearer reasons come first): HTTP 200 (the centre's only status for an
     * answer), JSON with ret_code, the trans_seq it was asked with, and not "busy" (999999, retried).
     */
    private JsonNode answer(String transSeq, String what, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus + " to " + what
                    + "; its open API answers every decision with 200: " + excerpt(replyBody));
        }
        JsonNode reply = JsonReplies.parse(DEPARTMENT, replyBody);
        String code = JsonReplies.requiredText(DEPARTMENT, reply, "/ret_code");
        String echoed = JsonReplies.requiredText(DEPARTMENT, reply, "/trans_seq");
        if (!transSeq.equals(echoed)) {
            throw new DepartmentContractException(DEPARTMENT + " answered trans_seq " + echoed + " when asked about " + what);
        }
        if (BUSY.equals(code)) {
            throw new DepartmentFaultException(DEPARTMENT + " is busy [" + code + "] " + reply.at("/ret_msg").asText("")
                    + "; " + what + " is tried again later", null);
        }
        return reply;
    }

    private String envelope(String transCode, String transSeq, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("trans_code", transCode);
        envelope.put("trans_seq", transSeq);
        envelope.put("trans_time", TRANS_TIME.format(clock.instant().atZone(CENTRE_ZONE)));
        envelope.put("channel_code", CHANNEL);
        envelope.put("data", data);
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
