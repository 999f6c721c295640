package org.onewindow.schemas.sharing;

import java.util.Map;

/**
 * Data one department produced, on its way to a department a sharing agreement (共享协议) entitles to
 * it, for that agreement's purpose only. It travels on onewindow.shared.&lt;consumer&gt;.
 *
 * @param shareId  unique per delivery; the consumer's adapter sends it as the idempotency key
 * @param holderId whose data it is: the applicant's ID number or credit code
 * @param data     the data item's fields
 */
public record SharedData(
        String shareId,
        String agreement,
        String producer,
        String consumer,
        String dataItem,
        String purpose,
        String caseId,
        String holderId,
        Map<String, String> data) {

    public SharedData {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
