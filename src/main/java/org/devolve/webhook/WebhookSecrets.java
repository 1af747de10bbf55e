package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.devolve.platform.config.DevolveConfig;

/**
 * The endpoints' signing secrets: made here ({@code whsec_} and the base64 of 24 random bytes, the Standard Webhooks
 * form), kept encrypted in the database (AES-256-GCM under {@code devolve.webhooks.secret-key}, a random 12-byte
 * nonce before the ciphertext, the endpoint's id as associated data so that a secret copied onto another row does
 * not decrypt), and used to sign: {@code v1,} and the base64 of HMAC-SHA-256 over {@code id.timestamp.body}, keyed
 * by the bytes the secret's base64 stands for. The JDK does all the cryptography; only the framing is ours.
 */
@ApplicationScoped
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(DevolveConfig config) {
        byte[] bytes = Base64.getDecoder().decode(config.webhooks().secretKey().trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("devolve.webhooks.secret-key must be 32 bytes in base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new secret, in the form it is shown (once) to the facilitator. */
    String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    byte[] encrypt(UUID endpointId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(endpointId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String decrypt(UUID endpointId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(aad(endpointId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A webhook secret does not decrypt with devolve.webhooks.secret-key (was the key changed?)", e);
        }
    }

    /** The {@code webhook-signature} header: one {@code v1,<signature>} per secret, separated by spaces. */
    static String signatureHeader(List<String> secrets, String id, long timestamp, String body) {
        return String.join(
                " ",
                secrets.stream().map(s -> "v1," + sign(s, id, timestamp, body)).toList());
    }

    static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static byte[] aad(UUID endpointId) {
        return endpointId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
