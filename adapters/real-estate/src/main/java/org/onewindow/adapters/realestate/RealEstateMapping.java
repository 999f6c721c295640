package org.onewindow.adapters.realestate;

import org.onewindow.adapters.kit.CallbackDepartmentMapping;
import org.onewindow.adapters.kit.DepartmentAcknowledgement;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.adapters.kit.SafeXml;
import org.onewindow.adapters.kit.Undecided;
import org.onewindow.adapters.kit.XmlMessages;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the hub's tasks and the Real Estate Registration Centre's XML interface
 * (schemas/departments/real-estate/registration.xsd). The centre accepts an application at once and
 * decides later, calling the hub back; the transfer of a second-hand flat needs the deed tax paid first
 * (先税后证), so the tax step's payment voucher travels with the application. The centre can also be asked where an
 * application stands (办件状态查询), by its BusinessNo: with the RegistrationResult once it has decided (what its
 * callback carries), an ApplicationStatus while it works on it, or 404 when it has no such application.
 */
@Component("realEstateMapping")
public class RealEstateMapping implements CallbackDepartmentMapping {

    static final String DEPARTMENT = "real-estate";
    static final String NS = "urn:county-real-estate:registration:v1";
    private static final String XML = "application/xml; charset=UTF-8";
    private static final String ID_CARD = "1";
    private static final String CREDIT_CODE = "7";

    private final SafeXml xml = new SafeXml(DEPARTMENT, "/contracts/departments/real-estate/registration.xsd");

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public DepartmentRequest request(TaskMessage task) {
        if (!"RE-TRANSFER-REGISTRATION".equals(task.itemCode())) {
            throw new DepartmentContractException("the real-estate registry offers no service for item " + task.itemCode());
        }
        XmlMessages application = XmlMessages.of(NS, "RegistrationApplication");
        application.add("BusinessNo", task.taskId());
        application.add("RegistrationType", "200"); // 转移登记 (transfer)
        party(application, "Buyer", task.applicant().name(), idKind(task.applicant()), holderId(task.applicant()));
        if (task.form().containsKey("sellerName")) {
            party(application, "Seller", task.form().get("sellerName"), ID_CARD, task.form().get("sellerIdNumber"));
        }
        application.add("CertificateNo", task.form().get("propertyCertificateNo"));
        application.add("Location", task.form().get("address"));
        application.add("Area", task.form().get("area"));
        application.add("Price", task.form().get("price"));
        application.add("TaxVoucherNo", task.inputs().get("paymentVoucherNo"));
        return new DepartmentRequest("/re-registry/api/applications", application.write(), XML);
    }

    @Override
    public Object acknowledgement(TaskMessage task, int httpStatus, String replyBody) {
        if (httpStatus != 200 && httpStatus != 202) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus + " to task " + task.taskId());
        }
        Element receipt = xml.parse(replyBody).getDocumentElement();
        requireRoot(receipt, "Receipt");
        requireBusinessNo(receipt, task.taskId());
        Element refusal = child(receipt, "Refusal");
        if (refusal != null) {
            return TaskOutcome.rejected(null, "[" + text(refusal, "Code") + "] " + text(refusal, "Text"));
        }
        return new DepartmentAcknowledgement(text(receipt, "AcceptanceNo"));
    }

    @Override
    public TaskOutcome callback(String taskId, String body) {
        return decision(taskId, xml.parse(body).getDocumentElement());
    }

    @Override
    public DepartmentRequest statusRequest(TaskMessage task) {
        // GET, no body: the centre reads the application's BusinessNo from the path
        return new DepartmentRequest("/re-registry/api/applications/"
                + URLEncoder.encode(task.taskId(), StandardCharsets.UTF_8).replace("+", "%20"), null, null);
    }

    @Override
    public Object status(TaskMessage task, int httpStatus, String replyBody) {
        if (httpStatus == 404) {
            return Undecided.UNKNOWN_TASK;
        }
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " answered HTTP " + httpStatus + " to the status query for task " + task.taskId());
        }
        Element answer = xml.parse(replyBody).getDocumentElement();
        if (NS.equals(answer.getNamespaceURI()) && "ApplicationStatus".equals(answer.getLocalName())) {
            requireBusinessNo(answer, task.taskId());
            return Undecided.STILL_WORKING;
        }
        return decision(task.taskId(), answer);
    }

    /** A RegistrationResult: the decision a callback carries, or a status query's answer once the centre has decided. */
    private static TaskOutcome decision(String taskId, Element result) {
        requireRoot(result, "RegistrationResult");
        requireBusinessNo(result, taskId);
        String acceptanceNo = text(result, "AcceptanceNo");
        Element refusal = child(result, "Refusal");
        if (refusal != null) {
            return TaskOutcome.rejected(acceptanceNo, "[" + text(refusal, "Code") + "] " + text(refusal, "Text"));
        }
        Map<String, String> results = new LinkedHashMap<>();
        results.put("certificateNo", text(result, "NewCertificateNo"));
        results.put("unitNo", text(result, "UnitNo"));
        results.put("registeredOn", text(result, "RegisteredOn"));
        results.put("acceptanceNo", acceptanceNo);
        return TaskOutcome.completed(acceptanceNo, results);
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    @Override
    public DepartmentRequest shareRequest(SharedData share) {
        XmlMessages data = XmlMessages.of(NS, "SharedData");
        data.add("ShareId", share.shareId());
        data.add("Agreement", share.agreement());
        data.add("DataItem", share.dataItem());
        data.add("HolderIdNo", share.holderId());
        share.data().forEach((key, value) -> data.add(data.root(), "Item", value).setAttribute("key", key));
        return new DepartmentRequest("/re-registry/api/shared-data", data.write(), XML);
    }

    @Override
    public void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        if (httpStatus != 200) {
            throw new DepartmentContractException(DEPARTMENT + " refused shared data " + share.shareId() + " with HTTP " + httpStatus);
        }
        Element receipt = xml.parse(replyBody).getDocumentElement();
        requireRoot(receipt, "SharedDataReceipt");
        if (!share.shareId().equals(text(receipt, "ShareId"))) {
            throw new DepartmentContractException(DEPARTMENT + " confirmed another share than " + share.shareId());
        }
    }

    private static void party(XmlMessages message, String role, String name, String idKind, String idNo) {
        Element party = message.add(message.root(), role, null);
        message.add(party, "Name", name);
        message.add(party, "IdKind", idKind);
        message.add(party, "IdNo", idNo);
    }

    private static String idKind(Applicant applicant) {
        return applicant.kind() == ApplicantKind.COMPANY ? CREDIT_CODE : ID_CARD;
    }

    private static String holderId(Applicant applicant) {
        return applicant.kind() == ApplicantKind.COMPANY ? applicant.creditCode() : applicant.idNumber();
    }

    private static void requireRoot(Element root, String name) {
        if (!NS.equals(root.getNamespaceURI()) || !name.equals(root.getLocalName())) {
            throw new DepartmentContractException(DEPARTMENT + " sent " + root.getLocalName() + " where " + name + " was due");
        }
    }

    private static void requireBusinessNo(Element root, String taskId) {
        String businessNo = text(root, "BusinessNo");
        if (!taskId.equals(businessNo)) {
            throw new DepartmentContractException(DEPARTMENT + " answered about " + businessNo + " for task " + taskId);
        }
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NS.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** Schema validation has already made sure required elements are there. */
    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
