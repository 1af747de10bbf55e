-- A proposal the deadline scheduler could not move on (org.devolve.proposal.Deadlines): why, since when,
-- and when it is tried again. The row exists only while the proposal is stuck; the transition that finally
-- succeeds deletes it. What `reason` and `detail` say is shown to the proposal's readers: an engine reason
-- code and a sentence, never ballot content or a voter; the row itself is named in the service log.
create table deadline_failure (
    proposal_id      uuid primary key references proposal (id) on delete cascade,
    attempts         integer     not null,
    reason           text        not null,
    detail           text        not null,
    first_failed_at  timestamptz not null,
    last_failed_at   timestamptz not null,
    next_attempt_at  timestamptz not null,
    constraint deadline_failure_attempts_positive check (attempts >= 1),
    constraint deadline_failure_order check (first_failed_at <= last_failed_at and last_failed_at <= next_attempt_at)
);
create index deadline_failure_next_idx on deadline_failure (next_attempt_at);
