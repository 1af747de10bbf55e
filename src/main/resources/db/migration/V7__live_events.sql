-- Live events of proposals (org.devolve.platform.events), kept for a while so that a client that
-- reconnects with Last-Event-ID gets every event it missed. Each proposal numbers its events 1, 2, 3 ...
-- with the counter in live_stream: taking the next number locks the proposal's counter row until the
-- transaction ends, so numbers commit in order and without gaps, and a reader that has seen n has seen
-- every event before n. NOTIFY only wakes the readers; the events are read from here.
create table live_stream (
    proposal_id  uuid primary key references proposal (id) on delete cascade,
    last_seq     bigint not null,
    constraint live_stream_seq_positive check (last_seq >= 1)
);

create table live_event (
    proposal_id  uuid        not null references live_stream (proposal_id) on delete cascade,
    seq          bigint      not null,
    type         text        not null,
    data         json        not null, -- as written (json keeps the text; jsonb would reorder it)
    created_at   timestamptz not null,
    primary key (proposal_id, seq),
    constraint live_event_type_length check (char_length(type) between 1 and 50)
);
create index live_event_created_idx on live_event (created_at);
