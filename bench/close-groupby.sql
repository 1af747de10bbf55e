-- The raw baseline of the close benchmark: the same rows, summed by option in SQL.
select b.choice, count(*), sum(s.level)
  from ballot b join stake s on s.proposal_id = b.proposal_id and s.member_id = b.voter_id
 where b.proposal_id = (select id from proposal where title like 'Bench: close%' order by created_at desc limit 1)
   and b.current
 group by b.choice;
