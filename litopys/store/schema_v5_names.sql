-- litopys store, feature "names": every name an entity is shown under, per document.
-- An entity id is one across languages ("ussr" is СРСР in a Ukrainian text and СССР in a
-- Russian one); ``entities.name`` keeps the first document's display name, and this table
-- keeps each document's display name (with the document's language) and the dictionary's
-- names in other languages (language NULL). Applied once per file (migrate.py FEATURES);
-- documents stored before it have no rows here.

CREATE TABLE IF NOT EXISTS entity_names (
    entity_id   TEXT NOT NULL REFERENCES entities(id),
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    language    TEXT,                 -- the document's language, NULL for a dictionary alias
    name        TEXT NOT NULL,
    PRIMARY KEY (entity_id, document_id, name)
);
CREATE INDEX IF NOT EXISTS entity_names_name ON entity_names(name);
