-- Rules of a decision that nobody can bend (issue 10: authority, exact deadlines, atomic budgets, challenges
-- with teeth and limits). Constraint names are stable: the service maps them to problems.

-- The challenge window (a circle's stake policy): with a deliberation deadline, new or raised declarations close
-- this many minutes before it, so that each can still be challenged; when voting opens, declarations made or
-- raised less than this before are marked late.
alter table circle add column challenge_window_minutes smallint not null default 60;
alter table circle add constraint circle_challenge_window_range check (challenge_window_minutes between 0 and 1440);

-- Who joined, changed role, was removed or left a circle, and who did it: the circle's history. Append-only.
create table circle_event (
    seq            bigint generated always as identity primary key,
    id             uuid        not null,
    circle_id      uuid        not null references circle (id) on delete cascade,
    kind           text        not null,
    member_id      uuid        not null references member (id),
    role           text,
    previous_role  text,
    actor_id       uuid        not null references member (id),
    at             timestamptz not null,
    constraint circle_event_id_key unique (id),
    constraint circle_event_kind_known check (kind in ('JOINED', 'ROLE_CHANGED', 'REMOVED', 'LEFT')),
    constraint circle_event_roles_known check ((role is null or role in ('MEMBER', 'FACILITATOR'))
        and (previous_role is null or previous_role in ('MEMBER', 'FACILITATOR'))),
    constraint circle_event_roles_fit check (case kind
        when 'JOINED' then role is not null and previous_role is null
        when 'ROLE_CHANGED' then role is not null and previous_role is not null and role <> previous_role
        else role is null and previous_role is not null end)
);
create index circle_event_circle_idx on circle_event (circle_id, seq desc);

-- A LOWER stands: the highest level the declarant may declare again after a facilitator lowered their stake.
alter table stake add column level_allowed smallint;
alter table stake add constraint stake_level_allowed check (level_allowed is null
    or (level_allowed between 0 and 4 and level <= level_allowed));
-- Each change of a declaration by its declarant is a new revision; a challenge names the revision it doubts, so
-- that a challenger who was ruled on cannot challenge the same revision again.
alter table stake add column revision integer not null default 1;
alter table stake add constraint stake_revision_positive check (revision >= 1);
-- When the declaration was last made or raised (lowering it does not count), and whether that was too late
-- before voting opened to be challenged.
alter table stake add column raised_at timestamptz;
update stake set raised_at = updated_at;
alter table stake alter column raised_at set not null;
alter table stake add column late boolean not null default false;

alter table stake_challenge add column stake_revision integer not null default 1;
create index stake_challenge_challenger_idx on stake_challenge (stake_id, challenger_id);

-- How many declarations were marked late when voting opened.
alter table proposal add column late_declarations integer not null default 0;
alter table proposal add constraint proposal_late_declarations_count check (late_declarations >= 0);
