-- pgbench: the raw SQL of one ballot, as the service does it: lock the proposal's ledger head, retire the
-- voter's current ballot, insert the new one, append a hash-chained ledger entry, move the head.
-- bench_ctx(proposal) and bench_voters(k, member) are made by bench/service-bench.sh.
\set k random(0, :voters - 1)
BEGIN;
SELECT p.ledger_seq, p.ledger_head FROM proposal p JOIN bench_ctx c ON p.id = c.proposal FOR UPDATE OF p;
UPDATE ballot b SET current = false FROM bench_ctx c, bench_voters v
 WHERE b.proposal_id = c.proposal AND v.k = :k AND b.voter_id = v.member AND b.current;
INSERT INTO ledger_entry (proposal_id, seq, kind, body, prev_hash, hash, recorded_at)
SELECT p.id, p.ledger_seq + 1, 'BALLOT_CAST', '{"voter":"' || v.member || '","stance":"FOR"}', p.ledger_head,
       encode(sha256((p.ledger_head || '{"voter":"' || v.member || '","stance":"FOR"}')::bytea), 'hex'), now()
  FROM proposal p JOIN bench_ctx c ON p.id = c.proposal, bench_voters v WHERE v.k = :k;
INSERT INTO ballot (id, proposal_id, voter_id, current, stance, receipt, cast_at)
SELECT gen_random_uuid(), c.proposal, v.member, true, 0, e.hash, now()
  FROM bench_ctx c, bench_voters v, ledger_entry e, proposal p
 WHERE v.k = :k AND p.id = c.proposal AND e.proposal_id = c.proposal AND e.seq = p.ledger_seq + 1;
UPDATE proposal p SET ledger_seq = p.ledger_seq + 1,
       ledger_head = (SELECT e.hash FROM ledger_entry e WHERE e.proposal_id = p.id AND e.seq = p.ledger_seq + 1)
  FROM bench_ctx c WHERE p.id = c.proposal;
END;
