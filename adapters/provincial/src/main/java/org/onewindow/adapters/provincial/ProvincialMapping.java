package org.onewindow.adapters.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
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
 * Translates between the hub's tasks and the provincial government service platform (省级政务服务平台)
 * (contract: schemas/departments/provincial/). The platform fronts the market regulation
 * administration (市场监督管理局) and the health commission (卫生健康委员会, the vaccination certificate), so
 * market-regulation and health tasks arrive on this adapter's queue ({@link PlatformService}). Every
 * call is an envelope {@code {"head": {...}, "body": {...}}}; every decision comes back with HTTP 200
 * and {@code head.code}: {@code 200} done, anything else a refusal with its reason in {@code head.message}.
 */
@Component("provincialMapping")
public class ProvincialMapping implements DepartmentMapping {

    static final String DEPARTMENT = "provincial";
    private static final String SUCCESS = "200";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String SHARE_PATH = "/gateway/api/v1/data-exchange/receipts";
    private static final String SHARE_SERVICE = "DX.SHARED-DATA.RECEIVE";
    /** The platform checks head.timestamp against its own clock, which runs on Beijing time. */
    private static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int EXCERPT = 200;
    /** Every reply and receipt is checked against the gateway's contract, its lengths included. */
    private static final JsonReplies REPLIES = JsonReplies.checkedAgainst(DEPARTMENT,
            "/contracts/departments/provincial/gateway-reply.schema.json");

    private final Clock clock;

    public ProvincialMapping() {
        this(Clock.systemUTC());
    }

    ProvincialMapping(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public DepartmentRequest request(TaskMessage task) {
        PlatformService service = PlatformService.forItem(task.itemCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicant", applicant(task.applicant()));
        body.putAll(service.fields(task));
        return new DepartmentRequest(service.path(), envelope(task.taskId(), service.serviceCode(), body), JSON);
    }

    private static Map<String, Object> applicant(Applicant applicant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (applicant.kind() == ApplicantKind.COMPANY) {
            fields.put("applicantType", "LEGAL_PERSON");
            fields.put("name", applicant.name());
            fields.put("certificateType", "UNIFIED_SOCIAL_CREDIT_CODE");
            fields.put("certificateNumber", applicant.creditCode());
            if (applicant.idNumber() != null) {
                fields.put("agentIdNumber", applicant.idNumber()); // 经办人: the person acting for the company
            }
        } else {
            fields.put("applicantType", "NATURAL_PERSON");
            fields.put("name", applicant.name());
            fields.put("certificateType", "RESIDENT_ID_CARD");
            fields.put("certificateNumber", applicant.idNumber());
        }
        fields.put("mobile", applicant.mobile());
        return fields;
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus + " to task " + task.taskId()
                    + "; its gateway promises 200 for every decision: " + excerpt(replyBody));
        }
        JsonNode reply = REPLIES.read(replyBody);
        String code = JsonReplies.requiredText(DEPARTMENT, reply, "/head/code");
        if (!SUCCESS.equals(code)) {
            String message = JsonReplies.requiredText(DEPARTMENT, reply, "/head/message");
            return TaskOutcome.rejected(reply.at("/data/applicationNo").asText(null), "[" + code + "] " + message);
        }
        String applicationNo = JsonReplies.requiredText(DEPARTMENT, reply, "/data/applicationNo");
        return TaskOutcome.completed(applicationNo, PlatformService.forItem(task.itemCode()).results(reply));
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    /** 数据交换: the platform takes shared data as a receipt on its data-exchange service, not on a business service. */
    @Override
    public DepartmentRequest shareRequest(SharedData share) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementCode", share.agreement());
        body.put("provider", share.producer());
        body.put("dataItem", share.dataItem());
        body.put("purpose", share.purpose());
        body.put("subjectId", share.holderId());
        body.put("payload", share.data());
        return new DepartmentRequest(SHARE_PATH, envelope(share.shareId(), SHARE_SERVICE, body), JSON);
    }

    @Override
    public void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + " with HTTP "
                    + httpStatus + ": " + excerpt(replyBody));
        }
        JsonNode reply = REPLIES.read(replyBody);
        String code = JsonReplies.requiredText(DEPARTMENT, reply, "/head/code");
        if (!SUCCESS.equals(code)) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + ": [" + code + "] "
                    + reply.at("/head/message").asText(""));
        }
    }

    /** head.requestId repeats the X-Request-Id header: the platform logs the body, its proxy the header. */
    private String envelope(String requestId, String serviceCode, Map<String, Object> body) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("requestId", requestId);
        head.put("serviceCode", serviceCode);
        head.put("timestamp", TIMESTAMP.format(clock.instant().atZone(PLATFORM_ZONE)));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("head", head);
        envelope.put("body", body);
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
