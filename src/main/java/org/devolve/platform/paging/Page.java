package org.devolve.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code next} is the opaque cursor of the following page, absent on the last page:
 * pass it back as {@code ?cursor=}. Built by {@link Keyset}.
 */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order")
        List<T> items,

        @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
        String next) {}
