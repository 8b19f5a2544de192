package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"kith/policy"
	"kith/store"
)

// lintJSON is `kith lint --json`.
type lintJSON struct {
	Kind    string          `json:"kind"`
	Friend  string          `json:"friend,omitempty"`
	Lang    string          `json:"lang"`
	Missing []policy.Reason `json:"missing"`
}

// maxLint is the most of a draft lint reads: far more than any e-mail.
const maxLint = 1 << 20

func cmdLint(e *env, file string, o *lintFlags) error {
	req, err := (&requestFlags{kind: o.kind}).request("lint")
	if err != nil {
		return err
	}
	lang := strings.ToLower(strings.TrimSpace(o.lang))
	if lang != "" && lang != store.LangEnglish && lang != store.LangItalian {
		return usageErrorf("--lang: want en or it, got %q", o.lang)
	}
	text, err := readDraftFile(e, file)
	if err != nil {
		return err
	}
	v := policy.Verdict{Level: policy.Clear}
	var name string
	if o.friend != "" {
		f, err := e.store.FindFriend(o.friend)
		if err != nil {
			return err
		}
		name = f.Name
		if v, _, err = verdictFor(e, &f, req); err != nil {
			return err
		}
	}
	if lang == "" {
		lang = policy.TextLang(text)
	}
	missing := policy.CheckIn(text, req, v, lang)
	if o.json {
		if missing == nil {
			missing = []policy.Reason{}
		}
		if err := writeJSON(e.out, lintJSON{Kind: string(req.Kind), Friend: name, Lang: lang, Missing: missing}); err != nil {
			return err
		}
	} else if len(missing) == 0 {
		fmt.Fprintln(e.out, "Nothing missing.")
	} else {
		for _, r := range missing {
			writeWrapped(e.out, padRight(r.Code+":", 13), r.Message, 80)
		}
	}
	if len(missing) > 0 {
		return exitCode(5, nil)
	}
	return nil
}

// readDraftFile reads FILE, or standard input for "-".
func readDraftFile(e *env, file string) (string, error) {
	var r io.Reader
	if file == "-" {
		r = e.in
	} else {
		f, err := os.Open(file)
		if err != nil {
			return "", fmt.Errorf("lint: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxLint+1))
	if err != nil {
		return "", fmt.Errorf("lint: reading %s: %w", file, err)
	}
	if len(b) > maxLint {
		return "", fmt.Errorf("lint: %s is over 1 MiB; a draft is an e-mail", file)
	}
	return string(b), nil
}
