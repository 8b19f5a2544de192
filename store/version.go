package store

// SchemaVersion is the newest database schema (and kith export schema)
// this kith knows; a kith export with a higher one comes from a newer kith.
func SchemaVersion() int { return schemaVersion() }
