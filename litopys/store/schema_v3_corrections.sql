-- litopys store, feature "corrections" (litopys/store/corrections.py): provenance and
-- confidence on every extracted value, and the corrections layer. Applied once per file,
-- whatever the schema version (migrate.py FEATURES), so it commutes with numbered migrations.

ALTER TABLE events ADD COLUMN provenance TEXT;          -- text, narrative, dictionary, model, human
ALTER TABLE events ADD COLUMN confidence REAL;          -- calibrated, 0..1
ALTER TABLE events ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN provenance TEXT;        -- how the mention was linked to its entity
ALTER TABLE mentions ADD COLUMN confidence REAL;
ALTER TABLE mentions ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timexes ADD COLUMN confidence REAL;         -- provenance is timexes.source
ALTER TABLE entity_roles ADD COLUMN provenance TEXT;
ALTER TABLE entity_roles ADD COLUMN confidence REAL;
ALTER TABLE affiliations ADD COLUMN provenance TEXT;
ALTER TABLE affiliations ADD COLUMN confidence REAL;
CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence);

-- what a user changed: anchored on character offsets of the document text, so it is
-- re-applied when the document is extracted again (no foreign key: it outlives the rows)
CREATE TABLE IF NOT EXISTS corrections (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('event_update', 'event_delete', 'event_add',
                                              'entity_delete', 'entity_merge', 'mention_link')),
    anchor      TEXT NOT NULL,                -- JSON: offsets (and ids) that find the target
    value       TEXT NOT NULL DEFAULT '{}',   -- JSON: the new values
    replaced    TEXT NOT NULL DEFAULT '{}',   -- JSON: the values it replaced
    author      TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT 'web',  -- web, brat
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone_at   TEXT,
    placed      INTEGER NOT NULL DEFAULT 1 CHECK (placed IN (0, 1))
);
CREATE INDEX IF NOT EXISTS corrections_document ON corrections(document_id, id);

-- the machine output of a document before any correction, to undo one correction
-- in any order (restore, then re-apply the others)
CREATE TABLE IF NOT EXISTS correction_baselines (
    document_id TEXT PRIMARY KEY,
    data        TEXT NOT NULL
);
