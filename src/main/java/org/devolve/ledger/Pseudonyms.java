package org.devolve.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.devolve.platform.config.DevolveConfig;

/**
 * Per-proposal pseudonyms of voters in secret ballots:
 * {@code HMAC-SHA-256(secret, proposal id ":" member id)}, the first 32 hex digits. The same voter has the
 * same pseudonym throughout one proposal and unrelated pseudonyms in different proposals; without the
 * secret ({@code devolve.ledger.pseudonym-secret}), a pseudonym does not lead back to a member.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    Pseudonyms(DevolveConfig config) {
        this.key = new SecretKeySpec(config.ledger().pseudonymSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(UUID proposalId, UUID memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((proposalId + ":" + memberId).getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
