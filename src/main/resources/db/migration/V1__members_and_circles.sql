-- Members and circles: the foundation of Devolve.
-- Flyway SQL is the schema of record; Hibernate only validates it. Constraint names are stable:
-- the service maps them to problem types (org.devolve.platform.problem.ConstraintProblems).

create table member (
    id            uuid primary key,
    subject       text        not null,
    username      text        not null,
    display_name  text        not null,
    email         text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint member_subject_key unique (subject),
    constraint member_display_name_length check (char_length(display_name) between 1 and 200)
);
-- Member search by name: case-insensitive prefix and infix search over the display name and username.
create index member_display_name_idx on member (lower(display_name), id);

create table circle (
    id           uuid primary key,
    slug         text        not null,
    name         text        not null,
    description  text        not null default '',
    kind         text        not null,
    created_by   uuid        references member (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint circle_slug_key unique (slug),
    constraint circle_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 64),
    constraint circle_name_length check (char_length(name) between 1 and 200),
    constraint circle_description_length check (char_length(description) <= 10000),
    constraint circle_kind_known check (kind in ('CITY', 'REGION', 'FEDERATION', 'NETWORK', 'COOPERATIVE', 'OTHER'))
);
create index circle_name_idx on circle (lower(name), id);

-- The circle graph: a circle may belong to several parents. No cycles: the service checks reachability
-- under a transaction-scoped advisory lock, so that two concurrent links cannot close a cycle together.
create table circle_parent (
    child_id   uuid        not null references circle (id) on delete cascade,
    parent_id  uuid        not null references circle (id) on delete cascade,
    linked_at  timestamptz not null,
    primary key (child_id, parent_id),
    constraint circle_parent_not_self check (child_id <> parent_id)
);
create index circle_parent_parent_idx on circle_parent (parent_id, child_id);

create table membership (
    circle_id  uuid        not null references circle (id) on delete cascade,
    member_id  uuid        not null references member (id) on delete cascade,
    role       text        not null,
    joined_at  timestamptz not null,
    primary key (circle_id, member_id),
    constraint membership_role_known check (role in ('MEMBER', 'FACILITATOR'))
);
create index membership_member_idx on membership (member_id, circle_id);
