package org.onewindow.adapters.socialinsurance;

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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the hub's tasks and the social insurance bureau's gateway
 * (contract: schemas/departments/social-insurance/). The bureau names its fields in pinyin
 * initials (xm 姓名, zjhm 证件号码 ...) and answers every business outcome with HTTP 200 and a
 * result code: {@code 0000} done, anything else a rejection with its message.
 */
@Component("socialInsuranceMapping")
public class SocialInsuranceMapping implements DepartmentMapping {

    static final String DEPARTMENT = "social-insurance";
    private static final String SUCCESS = "0000";
    /** 证件类型 01: resident identity card, in the bureau's code list. */
    private static final String ID_CARD = "01";
    /** Every reply is checked against the contract, its lengths included, before anything of it is used. */
    private static final JsonReplies REPLIES = JsonReplies.checkedAgainst(DEPARTMENT,
            "/contracts/departments/social-insurance/application-reply.schema.json");

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public DepartmentRequest request(TaskMessage task) {
        SocialInsuranceService service = SocialInsuranceService.forItem(task.itemCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ywlsh", task.taskId());          // 业务流水号: the bureau ignores a repeated one
        body.put("fwbm", service.code());          // 服务编码
        body.put("sqr", applicant(task.applicant()));
        // 单位信息: the company applying, or the one an earlier step of the bundle registered (its
        // credit code comes as an input when the applicant is the founder, as in 开办餐饮店)
        if (task.inputs().containsKey("creditCode")) {
            body.put("dwxx", Map.of("dwmc", task.inputs().getOrDefault("companyName", task.form().getOrDefault("companyName", "")),
                    "tyshxydm", task.inputs().get("creditCode")));
        } else if (task.applicant().kind() == ApplicantKind.COMPANY) {
            body.put("dwxx", Map.of("dwmc", task.applicant().name(), "tyshxydm", task.applicant().creditCode()));
        }
        body.put("bdsj", task.form());             // 表单数据
        body.put("qzsj", task.inputs());           // 前置环节结果
        return new DepartmentRequest("/si-gateway/v2/services/" + service.code() + "/applications",
                JsonReplies.json(body), "application/json; charset=UTF-8");
    }

    private static Map<String, Object> applicant(Applicant applicant) {
        Map<String, Object> sqr = new LinkedHashMap<>();
        sqr.put("xm", applicant.name());
        if (applicant.idNumber() != null) {
            sqr.put("zjlx", ID_CARD);
            sqr.put("zjhm", applicant.idNumber());
        }
        sqr.put("lxdh", applicant.mobile());
        return sqr;
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    /** 共享数据接收: the bureau takes shared data on its own gateway path, with its own field names. */
    @Override
    public DepartmentRequest shareRequest(SharedData share) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gxbh", share.shareId());       // 共享编号
        body.put("xybh", share.agreement());     // 协议编号
        body.put("tgf", share.producer());       // 提供方
        body.put("sjx", share.dataItem());       // 数据项
        body.put("yt", share.purpose());         // 用途
        body.put("ztbs", share.holderId());      // 主体标识
        body.put("sj", share.data());            // 数据
        return new DepartmentRequest("/si-gateway/v2/shared-data", JsonReplies.json(body), "application/json; charset=UTF-8");
    }

    @Override
    public void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        JsonNode reply = JsonReplies.parse(DEPARTMENT, replyBody);
        String code = JsonReplies.requiredText(DEPARTMENT, reply, "/code");
        if (httpStatus != 200 || !SUCCESS.equals(code)) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + ": [" + code + "] "
                    + reply.at("/msg").asText(""));
        }
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus
                    + " to task " + task.taskId() + "; its gateway promises 200 for every decision");
        }
        JsonNode reply = REPLIES.read(replyBody);
        String code = JsonReplies.requiredText(DEPARTMENT, reply, "/code");
        if (!SUCCESS.equals(code)) {
            String message = JsonReplies.requiredText(DEPARTMENT, reply, "/msg");
            return TaskOutcome.rejected(reply.at("/data/slbh").asText(null), "[" + code + "] " + message);
        }
        String acceptanceNumber = JsonReplies.requiredText(DEPARTMENT, reply, "/data/slbh");
        Map<String, String> results = new LinkedHashMap<>();
        results.put("acceptanceNumber", acceptanceNumber);
        reply.at("/data/jg").properties().forEach(field -> results.put(field.getKey(), field.getValue().asText()));
        return TaskOutcome.completed(acceptanceNumber, results);
    }
}
