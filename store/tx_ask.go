package store

// Ask returns the ask with id inside the transaction (ErrNotFound if
// there is none), so a change to it can be read and written atomically.
func (t *Tx) Ask(id uint64) (Ask, error) { return getAsk(t.tx, id) }
