-- Issue 12: corrections of a proposal's wording after deliberation opens, and arguments edited or removed by their
-- author, each with its history.

-- One correction of a proposal's wording (title, summary, body, option labels): who, when, why, and every changed
-- field's text before and after, as a JSON array of {field, before, after} (field: title, summary, body, options[i]).
create table proposal_revision (
    id           uuid primary key,
    proposal_id  uuid        not null references proposal (id) on delete cascade,
    revision     integer     not null,
    editor_id    uuid        not null references member (id),
    edited_at    timestamptz not null,
    note         text        not null,
    changes      text        not null,
    constraint proposal_revision_number unique (proposal_id, revision),
    constraint proposal_revision_note_length check (char_length(note) between 1 and 300)
);
create index proposal_revision_proposal_idx on proposal_revision (proposal_id, edited_at, id);

-- An argument's earlier texts: each edit keeps the text it replaced. A removal deletes them with the text.
create table argument_revision (
    id           uuid primary key,
    argument_id  uuid        not null references argument (id) on delete cascade,
    body         text        not null,
    written_at   timestamptz not null,
    replaced_at  timestamptz not null
);
create index argument_revision_argument_idx on argument_revision (argument_id, replaced_at, id);

alter table argument add column edited_at timestamptz;
alter table argument add column removed_at timestamptz;
alter table argument drop constraint argument_body_length;
alter table argument add constraint argument_body_length check (
    (removed_at is null and char_length(body) between 1 and 10000) or (removed_at is not null and body = ''));
