package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.devolve.platform.problem.ConstraintProblems.ConstraintAnswer;
import org.devolve.platform.problem.ConstraintProblems.ConstraintCodes;

/** The circle feature's database constraints, in words a client understands. */
@ApplicationScoped
class CircleConstraints implements ConstraintCodes {

    @Override
    public Map<String, ConstraintAnswer> constraints() {
        return Map.of(
                "circle_slug_key",
                        new ConstraintAnswer(
                                CircleProblem.SLUG_TAKEN, "Another circle already uses this slug; choose another"),
                "circle_parent_not_self",
                        new ConstraintAnswer(CircleProblem.CIRCLE_CYCLE, "A circle cannot be its own parent"));
    }
}
