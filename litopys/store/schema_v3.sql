-- litopys store, schema version 3: where an event happened (Event.location, the events stage).
-- A town or region named as the place of the event ("в Ризі") is not a party to it.
ALTER TABLE events ADD COLUMN location TEXT REFERENCES entities(id) ON DELETE SET NULL;
CREATE INDEX IF NOT EXISTS events_location ON events(location);
