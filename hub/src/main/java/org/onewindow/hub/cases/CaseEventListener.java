package org.onewindow.hub.cases;

import java.util.List;

/**
 * Told of every batch of timeline events {@link CaseStore} writes, inside the same transaction, so that what it writes
 * in turn (the provincial case report feed's records) commits with the events or not at all. It must do only cheap
 * database work: it runs on every case's hot path.
 */
public interface CaseEventListener {

    void recorded(List<CaseStore.NewEvent> events);
}
