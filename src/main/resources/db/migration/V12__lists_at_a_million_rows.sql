-- Every list pages by an index (issue 14): at a million rows under one parent, a list whose order no index gives
-- sorts every row of that parent for each page (ListPlansMeasurement, docs/performance.md).

-- The declarations of a proposal, largest stake first (GET /proposals/{id}/stakes).
create index stake_proposal_level_idx on stake (proposal_id, level desc, id);

-- The challenges of a proposal, oldest first (GET /proposals/{id}/challenges); the partial index of open
-- challenges stays for counting them.
create index stake_challenge_proposal_idx on stake_challenge (proposal_id, created_at, id);

-- All proposals, newest first, for an admin or anyone whose visible proposals span many circles
-- (GET /proposals without ?circle=); proposal_circle_idx serves one circle's.
create index proposal_created_idx on proposal (created_at desc, id desc);

-- Proposals in a phase by deadline, then id (what needs my action, the deadline scheduler): with the id in the
-- index, proposals without a deadline (all alike in the first three columns) come in order without a sort.
drop index proposal_phase_deadline_idx;
create index proposal_phase_deadline_idx on proposal (phase, deliberation_ends_at, voting_ends_at, id)
    where phase in ('DELIBERATION', 'VOTING');
