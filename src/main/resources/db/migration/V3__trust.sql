-- Trust (issue 9): ballots committed to in the ledger and revealed at the close, secret proposals whose published
-- tally narrows no ballot below k, a ledger the database itself keeps append-only, and turnout of secret
-- proposals published in steps of at least k people.

-- A ballot's salt: its ledger entry holds SHA-256(salt || canonical JSON of the ballot), never the ballot itself,
-- so that nobody reads the vote while it is open. 64 hex digits (32 random bytes); revealed at the close of a
-- public proposal, never for a secret one. Null only for ballots cast before this migration.
alter table ballot add column salt text;
alter table ballot add constraint ballot_salt_format check (salt is null or salt ~ '^[0-9a-f]{64}$');

-- A delegation's salt, for the commitment a secret proposal's ledger holds instead of the delegate's pseudonym.
alter table delegation add column salt text;
alter table delegation add constraint delegation_salt_format check (salt is null or salt ~ '^[0-9a-f]{64}$');

-- k of a secret proposal, frozen when it is drafted: classes of fewer than k declarations are not published,
-- breakdown cells of fewer than k voters merge, turnout moves in steps of k people.
alter table proposal add column min_cell_voters smallint not null default 5;
alter table proposal add constraint proposal_min_cell_voters_range check (min_cell_voters between 1 and 100);
-- A secret proposal cannot show live results: each ballot would move them on its own.
update proposal set live_results = false where secret and live_results;
alter table proposal add constraint proposal_secret_not_live check (not (secret and live_results));

-- The close: the instant delegations are counted as of (the voting deadline when it closed at it), the SHA-256
-- of the published tally document (export.json) and of the result, as the close's ledger entry holds them.
alter table proposal_result add column counted_as_of timestamptz;
alter table proposal_result add column document_sha256 text;
alter table proposal_result add column result_sha256 text;

-- Turnout of a secret proposal as published: it moves only when at least k people more (or fewer) are counted,
-- so that no step isolates one ballot's weight. One row per secret proposal in voting or closed; every replica
-- reads and advances the same row.
create table turnout_step (
    proposal_id  uuid primary key references proposal (id),
    headcount    integer     not null,
    turnout_json text        not null,
    published_at timestamptz not null,
    constraint turnout_step_headcount check (headcount >= 0)
);

-- The ledger is append-only, and the database says so: no UPDATE, no DELETE, no TRUNCATE of its rows, and no
-- cascade from a proposal (a proposal with a ledger is never deleted). Whoever bypasses this (a superuser
-- disabling the trigger) is caught by verify, which recomputes the chain and replays it.
create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % of ledger entries is refused', tg_op
        using errcode = 'P0001', constraint = 'ledger_entry_append_only';
end;
$$;
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();
alter table ledger_entry drop constraint ledger_entry_proposal_id_fkey;
alter table ledger_entry add constraint ledger_entry_proposal_id_fkey foreign key (proposal_id)
    references proposal (id);

-- Turnout is recounted when a circle delegation changes (they are no longer ledger entries): found by circle.
create index delegation_circle_idx on delegation (circle_id) where circle_id is not null;
