package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"kith/store"
)

func cmdImport(e *env, args []string) error {
	fs := newFlags(e, "import", "PATH [--format json] [--dry-run]", "import a kith JSON export into a new database")
	format := fs.String("format", "json", "input format: json")
	dry := fs.Bool("dry-run", false, "check the file and say what would happen, writing nothing")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	path, err := oneArg("import", pos, "PATH")
	if err != nil {
		return err
	}
	if *format != "json" {
		return usageErrorf("--format: want json, got %q", *format)
	}
	var data []byte
	if path == "-" {
		data, err = io.ReadAll(e.in)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	snap, err := decodeSnapshot(data)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was written", path, err)
	}
	if *dry {
		fmt.Fprintf(e.out, "%s is a valid kith export: %d friends, %d asks, %d favors (dry run: nothing written)\n",
			path, len(snap.Friends), len(snap.Asks), len(snap.Favors))
		return nil
	}
	if err := e.store.Restore(snap); err != nil {
		if errors.Is(err, store.ErrNotEmpty) {
			return fmt.Errorf("import %s: the database already holds friends, and a kith export is restored only into a new one (try --db NEW.db); nothing was written", path)
		}
		return fmt.Errorf("import %s: %w; nothing was written", path, err)
	}
	fmt.Fprintf(e.out, "imported %d friends, %d asks, %d favors from %s\n", len(snap.Friends), len(snap.Asks), len(snap.Favors), path)
	return nil
}

// decodeSnapshot reads a kith JSON export strictly: unknown fields and
// trailing data are errors, located by line.
func decodeSnapshot(data []byte) (*store.Snapshot, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var snap store.Snapshot
	if err := dec.Decode(&snap); err != nil {
		return nil, jsonError(data, dec, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("line %d: unexpected data after the export", lineAt(data, dec.InputOffset()))
	}
	if snap.SchemaVersion == 0 {
		return nil, errors.New("not a kith export (no schema_version)")
	}
	for i := range snap.Friends {
		f := &snap.Friends[i]
		f.Name = store.CleanText(f.Name, false)
		f.Notes = store.CleanText(f.Notes, true)
	}
	return &snap, nil
}

func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: %v", lineAt(data, syn.Offset), syn)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: field %s: want %s, got %s", lineAt(data, typ.Offset), typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file is empty or cut short")
	}
	return fmt.Errorf("line %d: %v", lineAt(data, dec.InputOffset()), err)
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
