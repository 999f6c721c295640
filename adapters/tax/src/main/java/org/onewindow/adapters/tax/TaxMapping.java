package org.onewindow.adapters.tax;

import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.ResultCodes;
import org.onewindow.adapters.kit.SoapDepartmentMapping;
import org.onewindow.adapters.tax.wsdl.Field;
import org.onewindow.adapters.tax.wsdl.Reply;
import org.onewindow.adapters.tax.wsdl.Request;
import org.onewindow.adapters.tax.wsdl.SharedDataDelivery;
import org.onewindow.adapters.tax.wsdl.SharedDataReceipt;
import org.onewindow.adapters.tax.wsdl.TaxServiceFault_Exception;
import org.onewindow.adapters.tax.wsdl.Taxpayer;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the hub's tasks and the County Taxation Bureau's SOAP service
 * (schemas/departments/tax/tax-service.wsdl). The bureau identifies taxpayers by its own ID-type codes
 * (201 resident identity card, 501 unified social credit code), takes form data as named fields, and
 * answers every decision with a result code: 0000 done, anything else a refusal.
 */
@Component("taxMapping")
public class TaxMapping implements SoapDepartmentMapping {

    static final String DEPARTMENT = "tax";
    private static final String DONE = "0000";
    private static final String ID_CARD = "201";
    private static final String CREDIT_CODE = "501";

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public SoapRequest request(TaskMessage task) {
        TaxOperation operation = TaxOperation.forItem(task.itemCode());
        Request request = new Request();
        request.setRequestId(task.taskId());
        request.setTaxpayer(taxpayer(task));
        task.form().forEach((name, value) -> request.getField().add(field(name, value)));
        task.inputs().forEach((name, value) -> request.getField().add(field(name, value)));
        return new SoapRequest(operation.operationName(), request);
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, Object reply) {
        if (!(reply instanceof Reply answer)) {
            throw new DepartmentContractException(DEPARTMENT + " answered " + TaxOperation.forItem(task.itemCode()).operationName()
                    + " with " + (reply == null ? "no reply element" : reply.getClass().getSimpleName()));
        }
        if (!task.taskId().equals(answer.getRequestId())) {
            throw new DepartmentContractException(DEPARTMENT + " answered request " + answer.getRequestId()
                    + " when asked about " + task.taskId());
        }
        Map<String, String> results = new LinkedHashMap<>();
        if (answer.getDocumentNo() != null) {
            results.put("documentNo", answer.getDocumentNo());
        }
        answer.getField().forEach(field -> results.put(field.getName(), field.getValue()));
        TaskOutcome outcome = ResultCodes.decide(DEPARTMENT, answer.getResultCode(), DONE, answer.getResultMessage(),
                answer.getDocumentNo(), results);
        return outcome;
    }

    @Override
    public boolean receivesSharedData() {
        return true;
    }

    @Override
    public SoapRequest shareRequest(SharedData share) {
        SharedDataDelivery delivery = new SharedDataDelivery();
        delivery.setShareId(share.shareId());
        delivery.setAgreement(share.agreement());
        delivery.setProducer(share.producer());
        delivery.setDataItem(share.dataItem());
        delivery.setPurpose(share.purpose());
        delivery.setHolderId(share.holderId());
        share.data().forEach((name, value) -> delivery.getField().add(field(name, value)));
        return new SoapRequest("ReceiveSharedData", delivery);
    }

    @Override
    public void shareReceipt(SharedData share, Object reply) {
        if (!(reply instanceof SharedDataReceipt receipt) || !share.shareId().equals(receipt.getShareId())
                || !DONE.equals(receipt.getResultCode())) {
            throw new DepartmentContractException(DEPARTMENT + " did not confirm shared data " + share.shareId());
        }
    }

    /** The bureau's fault codes E-5xx mean its own systems failed; E-1xx and E-4xx are about the request. */
    @Override
    public boolean isRetryable(Exception declaredFault) {
        return declaredFault instanceof TaxServiceFault_Exception fault && fault.getFaultInfo() != null
                && fault.getFaultInfo().getFaultCode() != null && fault.getFaultInfo().getFaultCode().startsWith("E-5");
    }

    /**
     * Who pays: the company an earlier step of the bundle just registered (its credit code and name come
     * as inputs, e.g. in 开办餐饮店 where the applicant is the founder), or else the applicant.
     */
    private static Taxpayer taxpayer(TaskMessage task) {
        String creditCode = task.inputs().get("creditCode");
        if (creditCode == null) {
            return taxpayer(task.applicant());
        }
        Taxpayer company = new Taxpayer();
        company.setName(task.inputs().getOrDefault("companyName", task.form().get("companyName")));
        company.setIdType(CREDIT_CODE);
        company.setIdNumber(creditCode);
        company.setPhone(task.applicant().mobile());
        return company;
    }

    private static Taxpayer taxpayer(Applicant applicant) {
        Taxpayer taxpayer = new Taxpayer();
        taxpayer.setName(applicant.name());
        boolean company = applicant.kind() == ApplicantKind.COMPANY;
        taxpayer.setIdType(company ? CREDIT_CODE : ID_CARD);
        taxpayer.setIdNumber(company ? applicant.creditCode() : applicant.idNumber());
        taxpayer.setPhone(applicant.mobile());
        return taxpayer;
    }

    private static Field field(String name, String value) {
        Field field = new Field();
        field.setName(name);
        field.setValue(value);
        return field;
    }
}
