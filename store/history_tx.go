package store

// History returns one friend's asks and favors inside the transaction,
// oldest first, as Store.History does (used by imports that merge a kith
// export into a database that already has friends).
func (t *Tx) History(friendID uint64) ([]Ask, []Favor, error) {
	if err := t.flush(); err != nil {
		return nil, nil, err
	}
	return history(t.tx, friendID)
}
