-- Email (issue 13): each member's choices, and what waits for their daily digest. Owned by the notification
-- feature (docs/architecture.md). The address is the member's own (member.email, from their token).

-- A member's mail settings: the language of their mails (null: not chosen, English) and, per kind, IMMEDIATE,
-- DIGEST or OFF; a kind missing from modes has its default (notification.MailKind).
create table mail_settings (
    member_id  uuid primary key,
    language   text check (language in ('en', 'fr', 'de')),
    modes      jsonb not null default '{}'::jsonb,
    updated_at timestamptz not null
);

-- What a member will read in their next digest; digest_day is the UTC day of the digest that took it (null:
-- not yet sent). A digest takes the rows without a day under their lock and marks them, in one transaction.
create table mail_digest_item (
    id          bigserial primary key,
    member_id   uuid not null,
    kind        text not null,
    proposal_id uuid,
    params      jsonb not null,
    created_at  timestamptz not null,
    digest_day  date
);

create index mail_digest_item_waiting on mail_digest_item (member_id, id) where digest_day is null;
