package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.FieldCode;
import org.devolve.platform.problem.ViolationCode;

/**
 * Where a webhook may go: an absolute http(s) URL without user info, whose host resolves only to public addresses,
 * unless {@code devolve.webhooks.allow-private-targets} (development, tests). The check runs when an endpoint is
 * registered or changed, and again before each delivery, which then connects to the address it checked (so a name
 * that resolves elsewhere a moment later is not followed; see {@link WebhookSender}).
 */
@ApplicationScoped
class Targets {

    static final int MAX_URL = 2000;

    /** A violation of a URL: its code and message (the field is the caller's). */
    record Refusal(FieldCode code, String message) {}

    /** A URL that passed, and the address to connect to. */
    record Checked(URI uri, String host, int port, boolean tls, InetAddress address) {}

    private final boolean allowPrivate;

    Targets(DevolveConfig config) {
        this.allowPrivate = config.webhooks().allowPrivateTargets();
    }

    /** The URL's refusal, if it has one; resolves its host. */
    Optional<Refusal> refusal(String url) {
        try {
            check(url);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.refusal);
        }
    }

    /** The URL checked and resolved now, or {@link Refused}. */
    Checked check(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused(ViolationCode.REQUIRED, "the endpoint's URL is required");
        }
        if (url.length() > MAX_URL) {
            throw new Refused(ViolationCode.SIZE, "at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused(ViolationCode.INVALID_VALUE, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(WebhookField.SCHEME_NOT_ALLOWED, "only http:// and https:// URLs");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused(ViolationCode.INVALID_VALUE, "a URL with a user name or password is not accepted");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused(ViolationCode.INVALID_VALUE, "the URL names no host");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused(ViolationCode.INVALID_VALUE, "a URL with a fragment (#...) is not accepted");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Refused(WebhookField.UNKNOWN_HOST, "the host " + bare + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused(
                            WebhookField.PRIVATE_TARGET,
                            "the host " + bare + " resolves to " + address.getHostAddress()
                                    + ", a private, loopback or link-local address");
                }
            }
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new Checked(uri, bare, port, tls, addresses[0]);
    }

    /** Loopback, unspecified, private (RFC 1918), shared (RFC 6598), link-local, unique-local (fc00::/7), multicast. */
    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                    || isMappedPrivate(b);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 100 && second >= 64 && second < 128 // shared address space (carrier-grade NAT)
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 240; // reserved, broadcast
    }

    /** An IPv4 address written as IPv6 (::ffff:10.0.0.1, ::10.0.0.1) that is private. */
    private static boolean isMappedPrivate(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        if (!mapped && !compatible) {
            return false;
        }
        try {
            return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** A URL refused, with the code the API reports. */
    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(FieldCode code, String message) {
            super(message, null, false, false);
            this.refusal = new Refusal(code, message);
        }
    }
}
