package org.devolve.platform.paging;

import java.util.Locale;

/** Builds a case-insensitive {@code LIKE} pattern from user text; {@code \} is the escape character. */
public final class Like {

    private Like() {}

    /** {@code "50%_off"} becomes {@code "%50\%\_off%"}: the text anywhere, its wildcards taken literally. */
    public static String containing(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
