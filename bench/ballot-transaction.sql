-- pgbench: the raw SQL of one ballot, as the service without group commit does it, one transaction per ballot: lock
-- the proposal (its phase and voting deadline), read the voter's current ballot, lock the ledger's head, append a
-- hash-chained ledger entry and move the head, retire the current ballot, give the stake row its copy to count,
-- insert the new ballot. bench_ctx(proposal) and bench_voters(k, member) are made by bench/service-bench.sh.
\set k random(0, :voters - 1)
BEGIN;
SELECT p.phase, p.voting_ends_at FROM proposal p JOIN bench_ctx c ON p.id = c.proposal FOR UPDATE OF p;
SELECT b.id, b.receipt FROM ballot b JOIN bench_ctx c ON b.proposal_id = c.proposal JOIN bench_voters v
    ON v.k = :k AND b.voter_id = v.member WHERE b.current;
SELECT h.seq, h.hash FROM ledger_head h JOIN bench_ctx c ON h.proposal_id = c.proposal FOR UPDATE OF h;
WITH e AS (
  INSERT INTO ledger_entry (proposal_id, seq, kind, body, prev_hash, hash, recorded_at)
  SELECT h.proposal_id, h.seq + 1, 'BALLOT_CAST', '{"voter":"' || v.member || '","k":' || :k || '}', h.hash,
         encode(sha256((h.hash || '{"voter":"' || v.member || '","k":' || :k || '}')::bytea), 'hex'), now()
    FROM ledger_head h JOIN bench_ctx c ON h.proposal_id = c.proposal, bench_voters v WHERE v.k = :k
  RETURNING proposal_id, seq, hash)
UPDATE ledger_head h SET seq = e.seq, hash = e.hash FROM e WHERE h.proposal_id = e.proposal_id;
UPDATE ballot b SET current = false FROM bench_ctx c, bench_voters v
 WHERE b.proposal_id = c.proposal AND v.k = :k AND b.voter_id = v.member AND b.current;
UPDATE stake s SET ballot = '{0}' FROM bench_ctx c, bench_voters v
 WHERE s.proposal_id = c.proposal AND v.k = :k AND s.member_id = v.member;
INSERT INTO ballot (id, proposal_id, voter_id, current, stance, salt, receipt, cast_at)
SELECT gen_random_uuid(), c.proposal, v.member, true, 0, h.hash, h.hash, clock_timestamp()
  FROM bench_ctx c JOIN ledger_head h ON h.proposal_id = c.proposal, bench_voters v WHERE v.k = :k;
END;
