-- Issue 13: service accounts (integrations) and invitations and joining.

-- An integration is a member of kind INTEGRATION (identity): every rule about members applies to it unchanged.
-- It is recognised by its Keycloak client id (the token's azp), not by a subject, and can be disabled.
alter table member add column kind text not null default 'PERSON';
alter table member add column client_id text;
alter table member add column disabled_at timestamptz;
alter table member add constraint member_kind_known check (kind in ('PERSON', 'INTEGRATION'));
alter table member add constraint member_client_id_key unique (client_id);
alter table member add constraint member_integration_has_client
    check ((kind = 'INTEGRATION') = (client_id is not null));

-- Who registered an integration, and the circle that owns it (integration).
create table integration (
    member_id        uuid        primary key references member (id),
    owner_circle_id  uuid        not null references circle (id),
    registered_by    uuid        not null references member (id),
    registered_at    timestamptz not null
);
create index integration_registered_idx on integration (registered_at desc, member_id desc);

-- An invitation to a circle, sent to an address (invitation). The link carries its id, circle and expiry,
-- signed; the row says whether it was used or revoked.
create table invitation (
    id           uuid        primary key,
    circle_id    uuid        not null references circle (id) on delete cascade,
    address      text        not null,
    invited_by   uuid        not null references member (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_by  uuid        references member (id),
    accepted_at  timestamptz,
    revoked_by   uuid        references member (id),
    revoked_at   timestamptz,
    constraint invitation_address_length check (char_length(address) between 3 and 254),
    constraint invitation_used_or_revoked check (accepted_at is null or revoked_at is null)
);
create index invitation_pending_idx on invitation (circle_id, created_at desc, id desc)
    where accepted_at is null and revoked_at is null;

-- A signed-in person asks to join a circle (invitation); its facilitators accept or decline.
create table join_request (
    id            uuid        primary key,
    circle_id     uuid        not null references circle (id) on delete cascade,
    member_id     uuid        not null references member (id) on delete cascade,
    member_name   text        not null,
    created_at    timestamptz not null,
    decided_by    uuid        references member (id),
    decided_at    timestamptz,
    outcome       text,
    constraint join_request_outcome_known check (outcome is null or outcome in ('ACCEPTED', 'DECLINED')),
    constraint join_request_decided check ((outcome is null) = (decided_at is null))
);
-- One pending request per person and circle.
create unique index join_request_pending_key on join_request (circle_id, member_id) where outcome is null;
create index join_request_pending_idx on join_request (circle_id, created_at desc, id desc) where outcome is null;
