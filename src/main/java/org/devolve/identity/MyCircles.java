package org.devolve.identity;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The circles a member belongs to; implemented by the circle feature. */
public interface MyCircles {

    List<MyCircle> of(UUID memberId);

    @Schema(name = "MyCircle", description = "A circle the member belongs to, with their role in it")
    record MyCircle(
            UUID id,
            String slug,
            String name,
            String kind,
            @Schema(enumeration = {"MEMBER", "FACILITATOR"}) String role) {}
}
