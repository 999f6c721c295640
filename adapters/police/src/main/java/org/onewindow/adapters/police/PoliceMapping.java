package org.onewindow.adapters.police;

import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.ResultCodes;
import org.onewindow.adapters.kit.SoapDepartmentMapping;
import org.onewindow.adapters.police.wsdl.Field;
import org.onewindow.adapters.police.wsdl.Party;
import org.onewindow.adapters.police.wsdl.PopulationServiceFault_Exception;
import org.onewindow.adapters.police.wsdl.Reply;
import org.onewindow.adapters.police.wsdl.Request;
import org.onewindow.adapters.police.wsdl.SharedDataDelivery;
import org.onewindow.adapters.police.wsdl.SharedDataReceipt;
import org.onewindow.adapters.police.wsdl.Unit;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.identity.ResidentIdNumberValidator;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the hub's tasks and the County Public Security Bureau's population service
 * (公安人口管理服务, schemas/departments/police/police-service.wsdl). The bureau identifies people and
 * companies by its own ID-type codes (01 resident identity card, 49 unified social credit code), takes
 * form data as named fields, and answers every decision with a result code: 0000 done, anything else a
 * refusal.
 */
@Component("policeMapping")
public class PoliceMapping implements SoapDepartmentMapping {

    static final String DEPARTMENT = "police";
    private static final String DONE = "0000";
    private static final String ID_CARD = "01";
    private static final String CREDIT_CODE = "49";

    @Override
    public String department() {
        return DEPARTMENT;
    }

    @Override
    public SoapRequest request(TaskMessage task) {
        PoliceOperation operation = PoliceOperation.forItem(task.itemCode());
        Request request = new Request();
        request.setRequestId(task.taskId());
        request.setApplicant(party(task.applicant()));
        if (operation == PoliceOperation.SEAL_FILING) {
            request.setUnit(unit(SealFilingCompany.of(task)));
        }
        task.form().forEach((name, value) -> request.getField().add(field(name, value)));
        task.inputs().forEach((name, value) -> request.getField().add(field(name, value)));
        return new SoapRequest(operation.operationName(), request);
    }

    @Override
    public TaskOutcome outcome(TaskMessage task, Object reply) {
        PoliceOperation operation = PoliceOperation.forItem(task.itemCode());
        if (!(reply instanceof Reply answer)) {
            throw new DepartmentContractException(DEPARTMENT + " answered " + operation.operationName()
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
        if (outcome.decision() == TaskOutcome.Decision.COMPLETED) {
            requireResults(operation, results);
        }
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
        return declaredFault instanceof PopulationServiceFault_Exception fault && fault.getFaultInfo() != null
                && fault.getFaultInfo().getFaultCode() != null && fault.getFaultInfo().getFaultCode().startsWith("E-5");
    }

    /**
     * A completion without the results later steps are waiting for would only fail them, in another
     * department, with a misleading reason; so would a newborn ID number that is not one.
     */
    private static void requireResults(PoliceOperation operation, Map<String, String> results) {
        for (String name : operation.requiredResults()) {
            String value = results.get(name);
            if (value == null || value.isBlank()) {
                throw new DepartmentContractException(DEPARTMENT + " completed " + operation.operationName()
                        + " without the result " + name);
            }
        }
        String newbornIdNumber = results.get("newbornIdNumber");
        if (newbornIdNumber != null) {
            // LocalDate.MAX: the number was just assigned, so whether its birth date lies in the past is
            // not the hub's to judge against its own clock; its form and check character are
            ResidentIdNumberValidator.fault(newbornIdNumber, LocalDate.MAX).ifPresent(fault -> {
                throw new DepartmentContractException(DEPARTMENT + " assigned a newborn ID number " + newbornIdNumber
                        + " that " + fault);
            });
        }
    }

    private static Party party(Applicant applicant) {
        Party party = new Party();
        party.setName(applicant.name());
        boolean company = applicant.kind() == ApplicantKind.COMPANY;
        party.setIdType(company ? CREDIT_CODE : ID_CARD);
        party.setIdNumber(company ? applicant.creditCode() : applicant.idNumber());
        party.setPhone(applicant.mobile());
        return party;
    }

    private static Unit unit(SealFilingCompany company) {
        Unit unit = new Unit();
        unit.setName(company.name());
        unit.setCreditCode(company.creditCode());
        return unit;
    }

    private static Field field(String name, String value) {
        Field field = new Field();
        field.setName(name);
        field.setValue(value);
        return field;
    }
}
