package org.devolve.circle;

import java.time.Instant;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Membership")
record MembershipView(MemberSummary member, Role role, Instant joinedAt) {}
