package org.onewindow.schemas.catalogue;

import java.util.List;

/**
 * A data-sharing agreement (共享协议): the producer may hand exactly these data items to this consumer,
 * for this purpose and no other.
 */
public record SharingAgreement(String code, String producer, String consumer, List<String> dataItems,
                               String purpose, String purposeZh) {

    public SharingAgreement {
        dataItems = dataItems == null ? List.of() : List.copyOf(dataItems);
    }
}
