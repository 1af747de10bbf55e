-- One house (issue 11): every table belongs to one feature (docs/architecture.md), and no feature's statements
-- name another's tables. Three facts that other features kept in place of their owners move to their owners.

-- The ledger's head (the last entry's sequence number and hash) was kept on the proposal row, written by the
-- ledger: it is the ledger's own now. An append locks this row; every writer of a proposal takes the proposal's
-- row lock first (ProposalAccess.lock), so the order is always proposal, then ledger head. The entries refer to
-- their head, not to the proposal: inserting one takes a key-share lock on the head row its writer already holds,
-- never on the proposal row, whose lock a ballot may hold while it waits for the head.
create table ledger_head (
    proposal_id  uuid   primary key references proposal (id),
    seq          bigint not null,
    hash         text   not null,
    constraint ledger_head_seq_positive check (seq >= 0),
    constraint ledger_head_hash_format check (hash ~ '^[0-9a-f]{64}$')
);
insert into ledger_head (proposal_id, seq, hash) select id, ledger_seq, ledger_head from proposal;
alter table ledger_entry drop constraint ledger_entry_proposal_id_fkey;
alter table ledger_entry add constraint ledger_entry_proposal_id_fkey foreign key (proposal_id)
    references ledger_head (proposal_id);
alter table proposal drop column ledger_seq, drop column ledger_head;

-- A stake knows its circle and whether its points came back (its proposal was withdrawn), so that the budget of
-- a member in a circle is summed over the stake table alone. The stake feature sets refunded when it hears that
-- a proposal was withdrawn (PhaseChanged, in the withdrawal's transaction).
alter table stake add column circle_id uuid references circle (id);
update stake s set circle_id = p.circle_id from proposal p where p.id = s.proposal_id;
alter table stake alter column circle_id set not null;
alter table stake add column refunded boolean not null default false;
update stake s set refunded = true from proposal p where p.id = s.proposal_id and p.phase = 'WITHDRAWN';
drop index stake_member_budget_idx;
create index stake_member_budget_idx on stake (member_id, circle_id, budget_period);

-- A membership carries its member's display name, so that a circle's members are listed by name from the
-- membership table alone; the circle feature writes it when someone joins and when identity says a member's
-- name changed (MemberRenamed, in the transaction that changed it).
alter table membership add column member_name text;
update membership ms set member_name = m.display_name from member m where m.id = ms.member_id;
alter table membership alter column member_name set not null;
create index membership_name_idx on membership (circle_id, lower(member_name), member_id);

-- Delegations for a proposal, found by proposal (the count reads them as of its instant).
create index delegation_proposal_idx on delegation (proposal_id) where proposal_id is not null;
