package org.onewindow.hub.access;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.QueryNumbers;
import org.onewindow.hub.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/v1/my-data-access: the holder, signed in with their holder token, sees who read their data, when and
 * why, newest first.
 */
@RestController
class MyDataAccessController {

    static final String PATH = "/api/v1/my-data-access";
    private static final int MAX_SIZE = 100;

    private final AccessLogStore store;

    MyDataAccessController(AccessLogStore store) {
        this.store = store;
    }

    record Read(Instant readAt, String caller, DataKind dataKind, String what, String purpose, String caseId,
                AccessLogStore.Outcome outcome, String refusalReason) {
    }

    record MyDataAccess(String holderId, List<Read> reads, int page, int size, long total) {
    }

    @GetMapping(PATH)
    MyDataAccess reads(Caller holder,
                       @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        String holderId = holder.holderId();
        List<Fault> faults = new ArrayList<>();
        int pageNumber = QueryNumbers.whole("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, faults);
        int pageSize = QueryNumbers.whole("size", size, 1, MAX_SIZE, faults);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        List<Read> reads = store.ofHolder(holderId, pageNumber, pageSize).stream()
                .map(r -> new Read(r.readAt(), r.caller(), r.dataKind(), r.what(), r.purpose(), r.caseId(), r.outcome(), r.refusalReason()))
                .toList();
        return new MyDataAccess(IdentifierMask.mask(holderId), reads, pageNumber, pageSize, store.countOfHolder(holderId));
    }
}
