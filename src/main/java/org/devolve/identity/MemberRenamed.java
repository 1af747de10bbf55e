package org.devolve.identity;

import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction that wrote it) when a member's display name changes at sign-in, for
 * the features that keep a copy to sort by: the circle's membership list.
 */
public record MemberRenamed(UUID memberId, String displayName) {}
