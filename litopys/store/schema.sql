-- litopys store, schema version 1. Offsets are character offsets into documents.text.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id        TEXT PRIMARY KEY,          -- content hash
    path      TEXT,
    chars     INTEGER NOT NULL,
    encoding  TEXT NOT NULL DEFAULT 'utf-8',
    format    TEXT NOT NULL DEFAULT 'text',
    text      TEXT NOT NULL,
    added_at  TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE IF NOT EXISTS entities (
    id          TEXT PRIMARY KEY,        -- stable across documents: gazetteer id or type:key
    type        TEXT NOT NULL,
    name        TEXT NOT NULL,
    cameo       TEXT,
    wikidata    TEXT
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);

CREATE TABLE IF NOT EXISTS entity_roles (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    PRIMARY KEY (entity_id, document_id, role)
);

CREATE TABLE IF NOT EXISTS affiliations (
    entity_id      TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    affiliation_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, document_id)
);

CREATE TABLE IF NOT EXISTS mentions (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    sentence    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id, start);

CREATE TABLE IF NOT EXISTS timexes (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    begin       TEXT,
    end_date    TEXT,
    precision   TEXT,
    source      TEXT NOT NULL DEFAULT 'text',
    anchor      TEXT,
    old_style   TEXT
);
CREATE INDEX IF NOT EXISTS timexes_document ON timexes(document_id, start);

CREATE TABLE IF NOT EXISTS events (
    id             TEXT PRIMARY KEY,     -- document id + ":" + local id
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    cameo          TEXT NOT NULL,
    cameo_label    TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    mode           TEXT NOT NULL CHECK (mode IN ('asserted', 'negated', 'hypothetical')),
    date           TEXT,
    date_source    TEXT,
    date_begin     TEXT,
    date_end       TEXT,
    trigger        TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id, start);
CREATE INDEX IF NOT EXISTS events_date ON events(date_begin, date_end);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX IF NOT EXISTS participants_entity ON event_participants(entity_id);
