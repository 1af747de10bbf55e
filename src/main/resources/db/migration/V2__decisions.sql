-- The decision workflow: proposals, affected groups, stakes, challenges, arguments, ballots, delegations,
-- the ledger, results and notifications. Constraint names are stable: the service maps them to problems.

-- Stake policies a circle can turn on (DESIGN: "Stake and weight").
alter table circle add column stake_budget integer;                          -- points per member per period; null: no budget
alter table circle add column budget_period text not null default 'QUARTER';
alter table circle add column challenges_enabled boolean not null default true;
alter table circle add constraint circle_stake_budget_range check (stake_budget is null or stake_budget between 1 and 10000);
alter table circle add constraint circle_budget_period_known check (budget_period in ('MONTH', 'QUARTER', 'YEAR'));

create table proposal (
    id                       uuid primary key,
    circle_id                uuid        not null references circle (id),
    author_id                uuid        not null references member (id),
    title                    text        not null,
    summary                  text        not null default '',
    body                     text        not null default '',
    method                   text        not null,
    weighting                text        not null,
    weighting_cap            smallint,
    threshold                text        not null default 'SIMPLE_MAJORITY',
    consent_objection_ppm    integer,
    quorum_turnout_ppm       integer     not null default 0,
    quorum_headcount         integer     not null default 0,
    protection               text        not null default 'NONE',
    protection_ppm           integer,
    secret                   boolean     not null default false,
    live_results             boolean     not null default false,
    outsiders_allowed        boolean     not null default false,
    phase                    text        not null,
    deliberation_ends_at     timestamptz,
    voting_ends_at           timestamptz,
    outcome                  text,
    winner                   smallint,
    ledger_seq               bigint      not null default 0,
    ledger_head              text        not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    opened_at                timestamptz,
    voting_opened_at         timestamptz,
    closed_at                timestamptz,
    constraint proposal_title_length check (char_length(title) between 1 and 200),
    constraint proposal_summary_length check (char_length(summary) <= 1000),
    constraint proposal_body_length check (char_length(body) <= 50000),
    constraint proposal_method_known check (method in ('APPROVE_REJECT', 'SINGLE_CHOICE', 'APPROVAL', 'SCORE',
        'SPLIT', 'QUADRATIC', 'RANKED_IRV', 'RANKED_SCHULZE', 'COPELAND')),
    constraint proposal_weighting_known check (weighting in ('LINEAR', 'SQRT', 'EQUAL', 'CAPPED')),
    constraint proposal_weighting_cap check ((weighting = 'CAPPED') = (weighting_cap is not null)
        and (weighting_cap is null or weighting_cap between 1 and 5)),
    constraint proposal_threshold_known check (threshold in ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'CONSENT')),
    constraint proposal_consent check ((threshold = 'CONSENT') = (consent_objection_ppm is not null)
        and (consent_objection_ppm is null or consent_objection_ppm between 1 and 1000000)),
    constraint proposal_quorum_range check (quorum_turnout_ppm between 0 and 1000000 and quorum_headcount >= 0),
    constraint proposal_protection_known check (protection in ('NONE', 'MAJORITY', 'NO_OBJECTION')),
    constraint proposal_protection_ppm check ((protection = 'NO_OBJECTION') = (protection_ppm is not null)
        and (protection_ppm is null or protection_ppm between 1 and 1000000)),
    constraint proposal_phase_known check (phase in ('DRAFT', 'DELIBERATION', 'VOTING', 'CLOSED', 'WITHDRAWN')),
    constraint proposal_deadlines_ordered check (voting_ends_at is null or deliberation_ends_at is null
        or voting_ends_at > deliberation_ends_at),
    constraint proposal_outcome_known check (outcome is null or outcome in ('ADOPTED', 'REJECTED', 'WINNER', 'NO_QUORUM')),
    constraint proposal_winner check ((outcome = 'WINNER') = (winner is not null)),
    constraint proposal_ledger_head_format check (ledger_head ~ '^[0-9a-f]{64}$')
);
create index proposal_circle_idx on proposal (circle_id, created_at desc, id);
create index proposal_phase_deadline_idx on proposal (phase, deliberation_ends_at, voting_ends_at)
    where phase in ('DELIBERATION', 'VOTING');

-- Options, in order; APPROVE_REJECT has none (FOR, AGAINST, ABSTAIN are the ballot).
create table proposal_option (
    proposal_id  uuid     not null references proposal (id) on delete cascade,
    position     smallint not null,
    label        text     not null,
    primary key (proposal_id, position),
    constraint proposal_option_label_length check (char_length(label) between 1 and 200),
    constraint proposal_option_position_range check (position between 0 and 99)
);

create table affected_group (
    id               uuid primary key,
    proposal_id      uuid        not null references proposal (id) on delete cascade,
    position         smallint    not null,
    circle_id        uuid        references circle (id),
    name             text        not null,
    how_affected     text        not null default '',
    suggested_level  smallint    not null,
    -- How many stakes are declared in this group; kept by DeclareStake, under the proposal's lock, so that a
    -- proposal with a million declarations is shown without counting them.
    declarations     integer     not null default 0,
    created_at       timestamptz not null,
    constraint affected_group_declarations_count check (declarations >= 0),
    constraint affected_group_level_range check (suggested_level between 0 and 5),
    constraint affected_group_name_length check (char_length(name) between 1 and 200),
    constraint affected_group_how_length check (char_length(how_affected) <= 2000),
    constraint affected_group_position_key unique (proposal_id, position),
    constraint affected_group_circle_once unique (proposal_id, circle_id)
);

-- A person's declared affectedness in one proposal: one per person and proposal, changeable in deliberation.
create table stake (
    id               uuid primary key,
    proposal_id      uuid        not null references proposal (id) on delete cascade,
    member_id        uuid        not null references member (id),
    group_id         uuid        not null references affected_group (id),
    level            smallint    not null,
    declared_level   smallint    not null,
    reason           text        not null default '',
    self_identified  boolean     not null,
    flagged          boolean     not null,
    budget_period    text        not null,
    -- The current ballot, in the tally engine's shape: [stance] (0 FOR, 1 AGAINST, 2 ABSTAIN), [choice], or the
    -- approvals, scores, points per option, or ranking; null before the person votes. Written in the same
    -- transaction as the ballot row, so that counting a proposal reads one table (see TallyReader).
    ballot           integer[],
    declared_at      timestamptz not null,
    updated_at       timestamptz not null,
    constraint stake_level_range check (level between 0 and 5 and declared_level between 0 and 5 and level <= declared_level),
    constraint stake_reason_length check (char_length(reason) <= 2000),
    constraint stake_one_per_member unique (proposal_id, member_id)
);
create index stake_member_budget_idx on stake (member_id, budget_period);

create table stake_challenge (
    id              uuid primary key,
    proposal_id     uuid        not null references proposal (id) on delete cascade,
    stake_id        uuid        not null references stake (id) on delete cascade,
    challenger_id   uuid        not null references member (id),
    reason          text        not null,
    answer          text,
    answered_at     timestamptz,
    status          text        not null,
    resolved_by     uuid        references member (id),
    resolved_level  smallint,
    resolution_note text,
    created_at      timestamptz not null,
    resolved_at     timestamptz,
    constraint stake_challenge_status_known check (status in ('OPEN', 'UPHELD', 'LOWERED')),
    constraint stake_challenge_reason_length check (char_length(reason) between 1 and 2000),
    constraint stake_challenge_answer_length check (answer is null or char_length(answer) <= 2000),
    constraint stake_challenge_resolved check ((status = 'OPEN') = (resolved_at is null))
);
create unique index stake_challenge_one_open_per_challenger on stake_challenge (stake_id, challenger_id)
    where status = 'OPEN';
create index stake_challenge_open_idx on stake_challenge (proposal_id) where status = 'OPEN';

create table argument (
    id           uuid primary key,
    proposal_id  uuid        not null references proposal (id) on delete cascade,
    author_id    uuid        not null references member (id),
    side         text        not null,
    body         text        not null,
    created_at   timestamptz not null,
    constraint argument_side_known check (side in ('FOR', 'AGAINST', 'OTHER')),
    constraint argument_body_length check (char_length(body) between 1 and 10000)
);
create index argument_proposal_idx on argument (proposal_id, created_at, id);

-- Ballots: every ballot is kept; exactly one is current per voter and proposal (partial unique index).
create table ballot (
    id           uuid primary key,
    proposal_id  uuid        not null references proposal (id) on delete cascade,
    voter_id     uuid        not null references member (id),
    current      boolean     not null,
    stance       smallint,
    choice       smallint,
    approvals    smallint[],
    scores       smallint[],
    allocation   integer[],
    ranking      smallint[],
    receipt      text        not null,
    cast_at      timestamptz not null,
    constraint ballot_stance_range check (stance is null or stance between 0 and 2),
    constraint ballot_receipt_format check (receipt ~ '^[0-9a-f]{64}$')
);
create unique index ballot_one_current on ballot (proposal_id, voter_id) where current;
create index ballot_voter_history_idx on ballot (proposal_id, voter_id, cast_at);

-- A member entrusts their judgement (never their stake) to another, for a circle or for one proposal.
create table delegation (
    id            uuid primary key,
    delegator_id  uuid        not null references member (id),
    delegate_id   uuid        not null references member (id),
    circle_id     uuid        references circle (id) on delete cascade,
    proposal_id   uuid        references proposal (id) on delete cascade,
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    constraint delegation_scope check ((circle_id is null) <> (proposal_id is null)),
    constraint delegation_not_self check (delegator_id <> delegate_id)
);
create unique index delegation_one_per_circle on delegation (delegator_id, circle_id)
    where revoked_at is null and circle_id is not null;
create unique index delegation_one_per_proposal on delegation (delegator_id, proposal_id)
    where revoked_at is null and proposal_id is not null;
create index delegation_delegate_idx on delegation (delegate_id) where revoked_at is null;

-- The ledger: append-only, hash-chained per proposal. hash = SHA-256(previous hash || canonical JSON).
create table ledger_entry (
    proposal_id  uuid        not null references proposal (id) on delete cascade,
    seq          bigint      not null,
    kind         text        not null,
    body         text        not null,
    prev_hash    text        not null,
    hash         text        not null,
    recorded_at  timestamptz not null,
    primary key (proposal_id, seq),
    constraint ledger_entry_hash_key unique (hash),
    constraint ledger_entry_seq_positive check (seq >= 1)
);

-- The tally computed at close, with the ledger head it was computed from. The tally document (the export)
-- is rebuilt on request from the rows it was counted from, which cannot change once the proposal is closed.
create table proposal_result (
    proposal_id  uuid primary key references proposal (id) on delete cascade,
    ledger_seq   bigint      not null,
    ledger_head  text        not null,
    outcome      text        not null,
    result_json  text        not null,
    computed_at  timestamptz not null
);

create table notification (
    id           uuid primary key,
    member_id    uuid        not null references member (id) on delete cascade,
    kind         text        not null,
    proposal_id  uuid        references proposal (id) on delete cascade,
    circle_id    uuid        references circle (id) on delete cascade,
    text         text        not null,
    created_at   timestamptz not null,
    read_at      timestamptz
);
create index notification_member_idx on notification (member_id, created_at desc, id);
