-- litopys store, feature "language" (litopys/pipeline/langid.py): the language of each
-- document and of each of its paragraphs. Applied once per file, whatever the schema
-- version (migrate.py FEATURES); documents stored before it have NULL (read as unknown).

ALTER TABLE documents ADD COLUMN language TEXT;       -- "uk", "ru", ...
ALTER TABLE documents ADD COLUMN paragraphs TEXT;     -- JSON [[start, end, language], ...]
