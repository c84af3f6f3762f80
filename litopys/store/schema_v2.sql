-- litopys store, schema version 2: the cross-document merge (litopys/store/merge.py).
-- Version 1 tables are untouched; these tables are rebuilt by every merge.

-- a name variant and the entity it was merged into ("person:литвинов" -> "person:максим-литвинов")
CREATE TABLE IF NOT EXISTS entity_aliases (
    alias_id  TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    rule      TEXT NOT NULL                 -- which merge rule matched, e.g. 'surname'
);
CREATE INDEX IF NOT EXISTS entity_aliases_entity ON entity_aliases(entity_id);

-- one real-world event as reported by one or more documents
CREATE TABLE IF NOT EXISTS event_groups (
    id                 INTEGER PRIMARY KEY,
    cameo              TEXT NOT NULL,       -- most frequent code among the members
    cameo_root         TEXT NOT NULL,       -- first two digits
    cameo_label        TEXT NOT NULL,
    mode               TEXT NOT NULL,
    date_begin         TEXT,                -- what all dated members agree on (intersection),
    date_end           TEXT,                -- or the span of their dates when they disagree
    sources            INTEGER NOT NULL,    -- independent sources: distinct documents
    members            INTEGER NOT NULL,    -- member events (a document may report it twice)
    date_disagreement  INTEGER NOT NULL DEFAULT 0 CHECK (date_disagreement IN (0, 1)),
    actor_disagreement INTEGER NOT NULL DEFAULT 0 CHECK (actor_disagreement IN (0, 1)),
    dates              TEXT NOT NULL DEFAULT '[]',  -- JSON: distinct member dates
    source_actors      TEXT NOT NULL DEFAULT '[]',  -- JSON: union of (merged) source ids
    target_actors      TEXT NOT NULL DEFAULT '[]'   -- JSON: union of (merged) target ids
);
CREATE INDEX IF NOT EXISTS event_groups_sources ON event_groups(sources DESC);
CREATE INDEX IF NOT EXISTS event_groups_date ON event_groups(date_begin, date_end);

CREATE TABLE IF NOT EXISTS event_group_members (
    event_id    TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES event_groups(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_group_members_group ON event_group_members(group_id);
