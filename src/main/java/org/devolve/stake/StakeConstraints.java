package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.devolve.platform.problem.ConstraintProblems.ConstraintAnswer;
import org.devolve.platform.problem.ConstraintProblems.ConstraintCodes;
import org.devolve.platform.problem.PlatformProblem;

@ApplicationScoped
class StakeConstraints implements ConstraintCodes {

    @Override
    public Map<String, ConstraintAnswer> constraints() {
        return Map.of(
                "stake_challenge_one_open_per_challenger",
                        new ConstraintAnswer(
                                StakeProblem.ALREADY_CHALLENGED,
                                "You already have an open challenge on this declaration"),
                "stake_one_per_member",
                        new ConstraintAnswer(
                                PlatformProblem.CONFLICT,
                                "Your declaration changed at the same moment; read it again and retry"),
                "stake_level_allowed",
                        new ConstraintAnswer(
                                StakeProblem.LEVEL_LOWERED,
                                "A facilitator lowered this declaration; declare at most the level they set"));
    }
}
