package org.devolve.result;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.proposal.Proposal;
import org.devolve.tally.TallyInput;
import org.devolve.tally.io.LedgerReplay;

/**
 * The exports of closed proposals: rebuilt from the rows the close counted (which never change), once, and kept
 * (caches {@code closed-documents}, {@code closed-csv}: a few, since a million-ballot document weighs tens of
 * megabytes); each with an entity tag, the SHA-256 of its bytes, so a client that has it is answered 304.
 */
@ApplicationScoped
class ClosedExports {

    /** Bytes and their entity tag. */
    record Export(byte[] bytes, String etag) {}

    private final Tallying tallying;
    private final Cache documents;
    private final Cache csv;

    ClosedExports(
            Tallying tallying, @CacheName("closed-documents") Cache documents, @CacheName("closed-csv") Cache csv) {
        this.tallying = tallying;
        this.documents = documents;
        this.csv = csv;
    }

    Export document(Proposal p) {
        return documents.get(p.id, id -> tag(tallying.document(p))).await().indefinitely();
    }

    Export csv(Proposal p) {
        return csv.get(p.id, id -> {
                    TallyInput in = tallying.published(p);
                    Set<UUID> people = new HashSet<>();
                    for (int row = 0; row < in.size(); row++) {
                        if (in.voter(row) != null) {
                            people.add(UUID.fromString(in.voter(row)));
                        }
                    }
                    Map<String, String> names = new HashMap<>();
                    Map<UUID, MemberSummary> summaries = Member.summaries(people);
                    summaries.forEach((uuid, m) -> names.put(uuid.toString(), m.displayName()));
                    return tag(ExportCsv.of(in, names).getBytes(StandardCharsets.UTF_8));
                })
                .await()
                .indefinitely();
    }

    private static Export tag(byte[] bytes) {
        return new Export(bytes, "\"" + LedgerReplay.sha256(bytes) + "\"");
    }
}
