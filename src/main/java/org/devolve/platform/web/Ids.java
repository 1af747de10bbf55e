package org.devolve.platform.web;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths: a malformed id names nothing, so it is a 404, not a 500. */
public final class Ids {

    private Ids() {}

    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
