package org.devolve.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.devolve.platform.config.DevolveConfig;

/**
 * The signed part of an invitation link: {@code base64url(id · circle · expiry) "~" base64url(HMAC-SHA-256)}, with
 * the key {@code devolve.invitations.secret}. The signature makes the link unforgeable and unalterable (a changed
 * circle or expiry no longer matches); the invitation's row makes it single-use and revocable. Written by hand
 * because it is forty bytes and one JDK MAC: a JWT library would add algorithm negotiation the link has no use for.
 */
@ApplicationScoped
class InvitationLinks {

    /** What a valid token says. */
    record Claims(UUID invitationId, UUID circleId, Instant expiresAt) {}

    private static final String ALGORITHM = "HmacSHA256";
    /**
     * Not a dot: the web app serves a path whose last segment has a dot as a file, not as the app's page; "~" is an
     * unreserved URL character that base64url never uses.
     */
    private static final char SEPARATOR = '~';

    private static final int PAYLOAD = 16 + 16 + 8;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DevolveConfig config;

    InvitationLinks(DevolveConfig config) {
        this.config = config;
    }

    /** The token of an invitation. */
    String token(UUID invitationId, UUID circleId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits());
        payload.putLong(circleId.getMostSignificantBits()).putLong(circleId.getLeastSignificantBits());
        payload.putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        return B64.encodeToString(bytes) + SEPARATOR + B64.encodeToString(mac(bytes));
    }

    /** The link people follow: the web UI's invitation page. */
    String link(String token) {
        return config.web().publicUrl() + "/invitations/" + token;
    }

    /** What the token says, when its signature is the service's; empty for anything else. */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf(SEPARATOR);
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        // Base64's last character carries spare bits that decoding ignores: only the one spelling of a link is it.
        String canonical = B64.encodeToString(payload) + SEPARATOR + B64.encodeToString(signature);
        if (!MessageDigest.isEqual(
                canonical.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        UUID invitation = new UUID(in.getLong(), in.getLong());
        UUID circle = new UUID(in.getLong(), in.getLong());
        return Optional.of(new Claims(invitation, circle, Instant.ofEpochSecond(in.getLong())));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(config.invitations().secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
