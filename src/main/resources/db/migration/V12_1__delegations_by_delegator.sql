-- A member's own delegations (GET /me/delegations, and "what needs my action", which asks whether I delegated
-- for a proposal or its circle): by delegator, in the order the list gives. Without it both were a parallel
-- sequential scan of every delegation (ListPlansMeasurement at 300,000 delegations: 0 rows kept, 300,000 read);
-- the partial unique indexes of V2 serve only a lookup that names the circle or the proposal.
-- (12.1: after V12, before the migrations of issue 13.)
create index delegation_delegator_idx on delegation (delegator_id, created_at, id);
