package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.devolve.platform.config.DevolveConfig;

/**
 * The token of a one-click unsubscribe link: HMAC-SHA256 over the member and the kind with
 * {@code devolve.mail.unsubscribe-key}, base64url. The kind is a {@link MailKind}, or DIGEST (every kind the member
 * has in their digest). It proves the link came from a mail we sent to that member; it
 * can only ever turn that one kind off, so it needs no expiry.
 */
@ApplicationScoped
class MailTokens {

    private final byte[] key;

    MailTokens(DevolveConfig config) {
        // without a key (mode OFF in production, ProductionChecks) no link is made and none is accepted
        this.key = config.mail()
                .unsubscribeKey()
                .filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    String token(UUID member, String kind) {
        if (key == null) {
            throw new IllegalStateException("devolve.mail.unsubscribe-key is not set");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(member, kind));
    }

    boolean valid(UUID member, String kind, String token) {
        if (key == null || token == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(member, kind), given);
    }

    private byte[] mac(UUID member, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("unsubscribe\n" + member + "\n" + kind).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
