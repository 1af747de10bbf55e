-- Issue 13: outgoing webhooks per circle (org.devolve.webhook; docs/integrations.md).

-- An endpoint a facilitator registered for a circle. The signing secret is kept encrypted (AES-GCM under
-- devolve.webhooks.secret-key: the service must read it back to sign); after a rotation the previous secret
-- also signs until previous_secret_until.
create table webhook_endpoint (
    id                     uuid primary key,
    circle_id              uuid        not null references circle (id) on delete cascade,
    url                    text        not null check (length(url) between 1 and 2000),
    description            text        not null default '' check (length(description) <= 200),
    events                 jsonb       not null check (jsonb_typeof(events) = 'array' and jsonb_array_length(events) > 0),
    secret                 bytea       not null,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    enabled                boolean     not null default true,
    created_by             uuid        not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    check ((previous_secret is null) = (previous_secret_until is null))
);
create index webhook_endpoint_circle on webhook_endpoint (circle_id, created_at, id);

-- One event to one endpoint: the body as signed and sent (every attempt sends the same bytes under the same
-- webhook-id), its status and its attempts. A sender claims a due row by setting claim and claimed_until (a lease,
-- outside any transaction held during the request); the outcome is recorded only under the same claim.
create table webhook_delivery (
    id               uuid primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    body             text        not null,
    status           text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz,
    give_up_at       timestamptz not null,
    claim            uuid,
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (event_id, endpoint_id),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
-- the log of one endpoint, newest first
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at desc, id desc);
-- what is due
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- an endpoint's deliveries in flight (the sender takes none of an endpoint that has some)
create index webhook_delivery_in_flight on webhook_delivery (endpoint_id, claimed_until) where status = 'PENDING';
