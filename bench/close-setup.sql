-- A proposal in VOTING with :n ballots (SINGLE_CHOICE, three options, LINEAR weights), inserted straight into
-- the database for the close benchmark. :'bob' is the member id of its author, who will close it over HTTP.
\set ON_ERROR_STOP on
create temp table ids as select gen_random_uuid() as circle, gen_random_uuid() as proposal, gen_random_uuid() as grp;
insert into circle (id, slug, name, description, kind, budget_period, challenges_enabled, created_at, updated_at)
select circle, 'bench-close-' || substr(circle::text, 1, 8), 'Bench close', '', 'OTHER', 'QUARTER', true, now(), now()
  from ids;
insert into membership (circle_id, member_id, role, joined_at, member_name)
select circle, :'bob', 'FACILITATOR', now(), (select display_name from member where id = :'bob') from ids;
insert into proposal (id, circle_id, author_id, title, summary, body, method, weighting, threshold, quorum_turnout_ppm,
                      quorum_headcount, protection, secret, live_results, outsiders_allowed, phase,
                      created_at, updated_at, opened_at, voting_opened_at)
select proposal, circle, :'bob', 'Bench: close ' || :n || ' ballots', '', '', 'SINGLE_CHOICE', 'LINEAR', 'SIMPLE_MAJORITY',
       0, 0, 'NONE', false, false, false, 'VOTING', now(), now(), now(), now() from ids;
insert into ledger_head (proposal_id, seq, hash) select proposal, 0, repeat('0', 64) from ids;
insert into proposal_option (proposal_id, position, label) select proposal, x, 'Option ' || x from ids, generate_series(0, 2) x;
insert into affected_group (id, proposal_id, position, name, how_affected, suggested_level, declarations, created_at)
select grp, proposal, 0, 'Everyone', '', 3, :n, now() from ids;
create temp table voters as select gen_random_uuid() as id, i from generate_series(1, :n) i;
insert into member (id, subject, username, display_name, created_at, updated_at)
select id, 'bench-' || id, 'bench' || i, 'Bench voter ' || i, now(), now() from voters;
insert into stake (id, proposal_id, circle_id, member_id, group_id, level, declared_level, reason, self_identified,
                   flagged, budget_period, ballot, declared_at, updated_at, raised_at)
select gen_random_uuid(), ids.proposal, ids.circle, v.id, ids.grp, 1 + v.i % 5, 1 + v.i % 5, '', false, false, '2026-Q4',
       array[(v.i * 7) % 3], now(), now(), now()
  from ids, voters v;
insert into ballot (id, proposal_id, voter_id, current, choice, receipt, cast_at)
select gen_random_uuid(), ids.proposal, v.id, true, (v.i * 7) % 3, repeat('a', 64), now() from ids, voters v;
analyze member;
analyze stake;
analyze ballot;
select proposal from ids \gset
\echo proposal=:proposal
