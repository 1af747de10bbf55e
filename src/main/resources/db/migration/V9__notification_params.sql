-- Issue 12: notifications carry their kind's parameters, so that each is said in the reader's language by the UI
-- (the text stays, in English, for integrations that show it as it is).
alter table notification add column params jsonb not null default '{}'::jsonb;
