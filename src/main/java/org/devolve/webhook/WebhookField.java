package org.devolve.webhook;

import org.devolve.platform.problem.FieldCode;

/** Violation codes of webhook endpoints. */
enum WebhookField implements FieldCode {
    /** A target URL that is not http or https. */
    SCHEME_NOT_ALLOWED,
    /** A target URL whose host resolves to a private, loopback, link-local or unique-local address. */
    PRIVATE_TARGET,
    /** A target URL whose host does not resolve. */
    UNKNOWN_HOST,
    /** An event name that is not one of the webhook events. */
    UNKNOWN_EVENT
}
