package org.onewindow.hub.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.access.PurposeRequiredException;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.outbox.Outbox;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.SharingAgreement;
import org.onewindow.schemas.sharing.SharedData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends data a department produced to exactly the departments a sharing agreement entitles to it:
 * for each data item the completed item produces, one share per agreement whose producer is the
 * department and whose data items name it. No agreement, no share. Runs inside the transaction that
 * records the task's completion, through the outbox, so a share is sent if and only if the completion
 * is recorded. A share whose purpose or case is missing is refused (and logged as refused) by the
 * access log before it is queued, without failing the completion; the read itself is logged when the
 * consumer takes the data ({@link DataShares#delivered}).
 */
@Component
public class SharingRouter {

    /** Each consuming department's adapter reads onewindow.shared.&lt;department&gt;. */
    public static final String QUEUE_PREFIX = "onewindow.shared.";

    private final ServiceCatalogue catalogue;
    private final ConnectedDepartments connected;
    private final DataShareStore shares;
    private final CaseStore cases;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final ObjectMapper objectMapper;

    SharingRouter(ServiceCatalogue catalogue, ConnectedDepartments connected, DataShareStore shares, CaseStore cases,
                  Outbox outbox, AccessLog accessLog, ObjectMapper objectMapper) {
        this.catalogue = catalogue;
        this.connected = connected;
        this.shares = shares;
        this.cases = cases;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.objectMapper = objectMapper;
    }

    /** Shares what a completed task produced. */
    public void completed(CaseRecord caseRecord, String taskId, String department, String itemCode, Map<String, String> results,
                          Instant now) {
        List<String> produced = catalogue.item(itemCode).map(Item::produces).orElse(List.of());
        for (String dataItem : produced) {
            for (SharingAgreement agreement : agreementsFor(department, dataItem)) {
                SharedData share = new SharedData(taskId + "-" + agreement.code() + "-" + dataItem, agreement.code(), department,
                        agreement.consumer(), dataItem, agreement.purpose(), caseRecord.caseId(), caseRecord.applicantId(), results);
                send(share, taskId, now);
            }
        }
    }

    private void send(SharedData share, String taskId, Instant now) {
        String detail = share.dataItem() + " of " + share.producer() + " for " + share.consumer() + " under " + share.agreement();
        if (!connected.receivesSharedData(share.consumer())) {
            shares.insert(share, taskId, DataShareStatus.UNDELIVERABLE, share.consumer() + " has no connected way to receive shared data", now);
            cases.addEvent(share.caseId(), taskId, CaseEventType.DATA_UNDELIVERED, detail + ": the consumer is not connected", now);
            return;
        }
        try {
            accessLog.permit(readOf(share));
        } catch (PurposeRequiredException e) {
            shares.insert(share, taskId, DataShareStatus.UNDELIVERABLE, e.getMessage(), now);
            cases.addEvent(share.caseId(), taskId, CaseEventType.DATA_UNDELIVERED, detail + ": " + e.getMessage(), now);
            return;
        }
        shares.insert(share, taskId, DataShareStatus.QUEUED, null, now);
        outbox.append(QUEUE_PREFIX + catalogue.carrier(share.consumer()), share.shareId(), json(share));
        cases.addEvent(share.caseId(), taskId, CaseEventType.DATA_SHARED, detail, now);
    }

    /** A delivered share, as the access log sees it: the consumer reads the case applicant's data for the agreement's purpose. */
    static DataRead readOf(SharedData share) {
        return new DataRead(share.consumer(), share.holderId(), DataKind.SHARED_DATA,
                share.dataItem() + " from " + share.producer() + " under " + share.agreement(), share.purpose(), share.caseId());
    }

    List<SharingAgreement> agreementsFor(String producer, String dataItem) {
        return catalogue.catalogue().sharingAgreements().stream()
                .filter(a -> a.producer().equals(producer) && a.dataItems().contains(dataItem)).toList();
    }

    private String json(SharedData share) {
        try {
            return objectMapper.writeValueAsString(share);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write share " + share.shareId(), e);
        }
    }
}
