-- The outbox: work that must happen because a transaction committed, done afterwards by a worker
-- (org.devolve.platform.outbox). A row is written in the transaction of the change it follows, so it exists
-- exactly when that change committed. Workers on every replica take rows with FOR UPDATE SKIP LOCKED; a
-- handler may do its work in steps (a large circle's notifications, a batch at a time), each step a
-- transaction that also records the step's progress, so a crash resumes where it stopped.
create table outbox (
    id            bigint generated always as identity primary key,
    topic         text        not null,
    payload       jsonb       not null,
    -- at most one row per key, when given (a notice that must be sent once, whoever asks again)
    dedupe_key    text,
    created_at    timestamptz not null,
    -- not taken before this instant: new rows at once, failed ones after their back-off
    available_at  timestamptz not null,
    attempts      integer     not null default 0,
    last_error    text,
    -- where the handler's last step stopped (its own format); null before the first step
    progress      text,
    done_at       timestamptz,
    constraint outbox_dedupe_key unique (dedupe_key),
    constraint outbox_topic_length check (char_length(topic) between 1 and 100),
    constraint outbox_attempts_positive check (attempts >= 0)
);
create index outbox_due_idx on outbox (available_at, id) where done_at is null;
create index outbox_done_idx on outbox (done_at) where done_at is not null;
