package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kith/policy"
	"kith/store"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// kith runs the CLI against db and returns stdout, stderr and the status.
func kith(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == "HOME" {
			return t.TempDir()
		}
		return ""
	}
	code := runAt(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb, getenv, testNow)
	return out.String(), errb.String(), code
}

func mustKith(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errs, code := kith(t, db, args...)
	if code != 0 {
		t.Fatalf("kith %v: exit %d, stderr %q", args, code, errs)
	}
	return out
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "kith.db") }

func TestAddListShow(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace", "--org", "Acme", "--role", "CTO", "--sector", "Fintech", "--sector", "tech",
		"--email", "ada@acme.io", "--phone", "+39 333", "--closeness", "5", "--worked-note", "Acme 2019",
		"--boundary", "referral:her firm forbids it", "--busy", "Mar-Apr", "--note", "likes tea")
	mustKith(t, db, "add", "林 美玲", "--org", "阿里巴巴", "--sector", "ecommerce")
	out := mustKith(t, db, "list")
	for _, want := range []string{"Ada Lovelace", "Acme", "Fintech,tech", "林 美玲", "never"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	// Columns align in terminal cells, wide characters included.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	col := func(line, field string) int { return cellIndex(line, field) }
	if a, b := col(lines[1], "Acme"), col(lines[2], "阿里巴巴"); a != b {
		t.Errorf("organisation column at cell %d and %d:\n%s", a, b, out)
	}

	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustKith(t, db, "list", "--json", "--sector", "FINTECH")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0]["name"] != "Ada Lovelace" || rows[0]["worked_together"] != true || rows[0]["closeness"] != 5.0 {
		t.Errorf("list --json --sector: got %v", rows)
	}
	b := rows[0]["boundaries"].([]any)[0].(map[string]any)
	if b["kind"] != "referral" || b["note"] != "her firm forbids it" {
		t.Errorf("boundary: got %v", b)
	}

	show := mustKith(t, db, "show", "ada")
	for _, want := range []string{"Ada Lovelace (id 1)", "CTO at Acme", "yes — Acme 2019", "no referral — her firm forbids it", "Mar-Apr", "likes tea"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}

func cellIndex(line, field string) int {
	i := strings.Index(line, field)
	if i < 0 {
		return -1
	}
	n := 0
	for _, r := range line[:i] {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func TestAskFavorAndShowJSON(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Grace Hopper")
	mustKith(t, db, "ask", "grace", "--kind", "chat", "--topic", "navy", "--at", "2026-11-20")
	mustKith(t, db, "ask", "Grace", "--kind", "REFERRAL", "--status", "helped", "--at", "2026-10-01T10:00:00Z")
	mustKith(t, db, "favor", "1", "reviewed her talk", "--at", "2026-09-01")
	var got showJSON
	if err := json.Unmarshal([]byte(mustKith(t, db, "show", "grace", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Friend.Name != "Grace Hopper" || len(got.Asks) != 2 || len(got.Favors) != 1 {
		t.Fatalf("got %+v", got)
	}
	if a := got.Asks[1]; a.Kind != store.KindChat || a.Status != store.StatusSent || a.Topic != "navy" || a.Sent.IsZero() {
		t.Errorf("latest ask: got %+v", a)
	}
	if a := got.Asks[0]; a.Status != store.StatusHelped || a.Resolved.IsZero() {
		t.Errorf("helped ask: got %+v", a)
	}
	if got.Favors[0].What != "reviewed her talk" {
		t.Errorf("favor: got %+v", got.Favors[0])
	}
	out := mustKith(t, db, "list")
	if !strings.Contains(out, "5 days ago") {
		t.Errorf("list shows no last ask:\n%s", out)
	}
}

func TestErrorsNameTheProblemAndWriteNothing(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown verb", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"no name", []string{"add"}, 2, "want exactly one NAME"},
		{"bad closeness", []string{"add", "A", "--closeness", "9"}, 2, "--closeness: must be 1-5"},
		{"bad closeness type", []string{"add", "A", "--closeness", "x"}, 2, `--closeness: "x" is not a whole number`},
		{"bad email", []string{"add", "A", "--email", "nope"}, 2, `--email: "nope" is not an e-mail address`},
		{"bad boundary", []string{"add", "A", "--boundary", "hug"}, 2, `--boundary: unknown kind "hug"`},
		{"bad busy", []string{"add", "A", "--busy", "Foo-Bar"}, 2, "--busy: bad month range"},
		{"unknown flag", []string{"add", "A", "--colour", "red"}, 2, "unknown flag: --colour"},
		{"empty name", []string{"add", "  "}, 2, "NAME: must not be empty"},
		{"bad kind", []string{"ask", "A", "--kind", "hug"}, 2, `--kind: unknown kind "hug"`},
		{"no kind", []string{"ask", "A"}, 2, "--kind is required"},
		{"bad status", []string{"ask", "A", "--kind", "chat", "--status", "meh"}, 2, "--status"},
		{"bad date", []string{"ask", "A", "--kind", "chat", "--at", "yesterday"}, 2, `--at: "yesterday" is not a date`},
		{"future date", []string{"favor", "A", "x", "--at", "2030-01-01"}, 2, "in the future"},
		{"bad lang", []string{"profile", "--lang", "fr"}, 2, "--lang: want en or it"},
		{"bad cooldown", []string{"profile", "--cooldown-days", "-3"}, 2, "--cooldown-days: want 0-365"},
		{"no friend", []string{"show", "nobody"}, 1, `no friend matches "nobody"`},
		{"edit nothing", []string{"edit", "A"}, 2, "nothing to change"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := tempDB(t)
			_, errs, code := kith(t, db, c.args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("got exit %d, stderr %q; want exit %d and %q", code, errs, c.code, c.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("the database was created by a failing command")
			}
		})
	}
}

func TestAmbiguousFriend(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace")
	mustKith(t, db, "add", "Ada Byron")
	_, errs, code := kith(t, db, "ask", "ada", "--kind", "chat")
	if code != 1 || !strings.Contains(errs, "matches 2 friends") || !strings.Contains(errs, "1\tAda Lovelace") || !strings.Contains(errs, "2\tAda Byron") {
		t.Errorf("got exit %d, %q", code, errs)
	}
	if asks, _ := store.New(db).Asks(); len(asks) != 0 {
		t.Errorf("an ambiguous ask was recorded: %v", asks)
	}
}

func TestEdit(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada", "--org", "Acme", "--sector", "tech", "--worked-together")
	mustKith(t, db, "edit", "ada", "--org", "Initech", "--name", "Ada L.", "--worked-together=false", "--archived")
	f, err := store.New(db).Friend(1)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "Ada L." || f.Org != "Initech" || f.WorkedTogether || !f.Archived || !f.HasSector("tech") {
		t.Errorf("got %+v", f)
	}
	if out := mustKith(t, db, "list"); strings.Contains(out, "Ada L.") {
		t.Errorf("an archived friend is listed:\n%s", out)
	}
	if out := mustKith(t, db, "list", "--archived"); !strings.Contains(out, "Ada L.") {
		t.Errorf("list --archived lacks the friend:\n%s", out)
	}
}

func TestProfile(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--name", "Me", "--blurb", "I design payment systems.", "--lang", "it", "--cooldown-days", "21")
	var p store.Profile
	if err := json.Unmarshal([]byte(mustKith(t, db, "profile", "--json")), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "Me" || p.Blurbs["en"] != "I design payment systems." || p.Lang != "it" || p.Settings.CooldownDays != 21 {
		t.Errorf("got %+v", p)
	}
	// A blurb per language: --blurb keeps one where its words say, and
	// --blurb-it and --blurb-en name the language.
	mustKith(t, db, "profile", "--blurb", "Progetto sistemi di pagamento e sto passando al climate tech.")
	mustKith(t, db, "profile", "--blurb-en", "I build payment systems.")
	if p, _ = store.New(db).Profile(); p.Blurbs["it"] != "Progetto sistemi di pagamento e sto passando al climate tech." || p.Blurbs["en"] != "I build payment systems." {
		t.Errorf("blurbs: %+v", p.Blurbs)
	}
	mustKith(t, db, "profile", "--blurb-it", "")
	if p, _ = store.New(db).Profile(); len(p.Blurbs) != 1 {
		t.Errorf("--blurb-it \"\" kept it: %+v", p.Blurbs)
	}
	if out := mustKith(t, db, "profile"); !strings.Contains(out, "blurb (en):    I build payment systems.") || !strings.Contains(out, "blurb (it):    (not set)") {
		t.Errorf("profile shows:\n%s", out)
	}
	mustKith(t, db, "profile", "--signature", "— Me")
	if p, _ = store.New(db).Profile(); p.Name != "Me" || p.Signature != "— Me" {
		t.Errorf("setting one field changed others: %+v", p)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada", "--org", "Acme", "--worked-note", "x", "--busy", "Nov-Feb", "--boundary", "reference")
	mustKith(t, db, "ask", "Ada", "--kind", "intro", "--topic", "t", "--at", "2026-11-01")
	mustKith(t, db, "favor", "Ada", "w", "--at", "2026-10-01")
	mustKith(t, db, "profile", "--blurb", "b", "--lang", "it")
	file := filepath.Join(t.TempDir(), "out.json")
	mustKith(t, db, "export", "-o", file)
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v, want 0600", fi.Mode().Perm())
	}
	db2 := tempDB(t)
	mustKith(t, db2, "import", file, "--format", "json")
	a, b := mustKith(t, db, "export"), mustKith(t, db2, "export")
	if a != b {
		t.Errorf("second export differs:\n%s\n---\n%s", a, b)
	}
	// Into a database with friends an export is merged: importing it
	// again changes nothing.
	out := mustKith(t, db2, "import", file)
	if !strings.Contains(out, "merging") || !strings.Contains(out, "0 added, 0 merged, 1 skipped") {
		t.Errorf("second import: %q", out)
	}
	if c := mustKith(t, db2, "export"); c != b {
		t.Errorf("a second import changed the database:\n%s\n---\n%s", b, c)
	}
}

func TestImportRejectsMalformed(t *testing.T) {
	cases := map[string]string{
		"syntax":    "{\n  \"schema_version\": 1,\n  \"friends\": [ {\"name\": \"A\",, } ]\n}",
		"unknown":   `{"schema_version": 1, "frends": []}`,
		"type":      "{\"schema_version\": 1,\n\"friends\": [{\"id\": \"one\"}]}",
		"empty":     "",
		"not kith":  `{}`,
		"bad ask":   `{"schema_version": 1, "friends": [{"id": 1, "name": "A", "closeness": 3}], "asks": [{"id": 1, "friend_id": 2, "kind": "chat", "status": "sent", "created": "2026-01-01T00:00:00Z"}], "profile": {"lang": "en"}}`,
		"too new":   `{"schema_version": 99}`,
		"bad field": `{"schema_version": 1, "friends": [{"id": 1, "name": "A", "closeness": 9}], "profile": {"lang": "en"}}`,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "in.json")
			os.WriteFile(file, []byte(content), 0o600)
			db := tempDB(t)
			_, errs, code := kith(t, db, "import", file)
			if code != 1 || !strings.Contains(errs, "nothing was written") {
				t.Errorf("got exit %d, %q", code, errs)
			}
			if fs, _ := store.New(db).Friends(); len(fs) != 0 {
				t.Errorf("a failed import wrote %d friends", len(fs))
			}
		})
	}
	file := filepath.Join(t.TempDir(), "in.json")
	os.WriteFile(file, []byte(cases["syntax"]), 0o600)
	if _, errs, _ := kith(t, tempDB(t), "import", file); !strings.Contains(errs, "in.json:3: ") {
		t.Errorf("syntax error not located: %q", errs)
	}
}

func TestBackup(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	out := filepath.Join(t.TempDir(), "b.db")
	mustKith(t, db, "backup", out)
	if fs, err := store.New(out).Friends(); err != nil || len(fs) != 1 {
		t.Errorf("backup holds %v, %v", fs, err)
	}
	if _, errs, code := kith(t, db, "backup", out); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("got %d %q", code, errs)
	}
	mustKith(t, db, "backup", out, "--force")
}

func TestDBPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"/a/x.db", map[string]string{"KITH_DB": "/b/y.db"}, "/a/x.db"},
		{"", map[string]string{"KITH_DB": "/b/y.db", "XDG_DATA_HOME": "/c"}, "/b/y.db"},
		{"", map[string]string{"XDG_DATA_HOME": "/c"}, "/c/kith/kith.db"},
	}
	for _, c := range cases {
		got, err := resolveDBPath(c.flag, env(c.env))
		if err != nil || got != c.want {
			t.Errorf("resolveDBPath(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
}

func TestLockedDatabase(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	holder, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if err := flockExclusive(holder); err != nil {
		t.Fatal(err)
	}
	_, errs, code := kith(t, db, "add", "Bo")
	if code != 1 || !strings.Contains(errs, "database is in use by another process") || !strings.Contains(errs, db) {
		t.Errorf("got exit %d, %q", code, errs)
	}
}

func TestDue(t *testing.T) {
	db := tempDB(t)
	if out := mustKith(t, db, "due"); !strings.Contains(out, "nothing due") {
		t.Errorf("empty database: %q", out)
	}
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "add", "Bo")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--at", "2026-11-10")
	mustKith(t, db, "ask", "Bo", "--kind", "intro", "--status", "helped", "--at", "2026-11-01")
	mustKith(t, db, "ask", "Bo", "--kind", "chat", "--at", "2026-11-24")
	var got []policy.Nudge
	if err := json.Unmarshal([]byte(mustKith(t, db, "due", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	kinds := map[policy.NudgeKind]string{}
	for _, n := range got {
		kinds[n.Kind] = n.Friend
	}
	if len(got) != 3 || kinds[policy.NudgeFollowUp] != "Ada" || kinds[policy.NudgeThank] != "Bo" || kinds[policy.NudgeHelpBack] != "Bo" {
		t.Errorf("got %+v", got)
	}
	if out := mustKith(t, db, "due"); !strings.Contains(out, "follow up with Ada") {
		t.Errorf("text output: %q", out)
	}
}

func TestOutcome(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada")
	mustKith(t, db, "ask", "Ada", "--kind", "intro", "--at", "2026-11-10")
	if out := mustKith(t, db, "due"); !strings.Contains(out, "follow-up") || !strings.Contains(out, " 1 ") {
		t.Fatalf("due does not list the ask's id:\n%s", out)
	}
	_, errs, code := kith(t, db, "outcome", "1", "--thanked")
	if code != 2 || !strings.Contains(errs, "not helped") {
		t.Errorf("thanking an unanswered ask: exit %d, %q", code, errs)
	}
	mustKith(t, db, "outcome", "1", "--status", "helped", "--note", "met Carla", "--at", "2026-11-20")
	var got []policy.Nudge
	json.Unmarshal([]byte(mustKith(t, db, "due", "--json")), &got)
	if len(got) != 2 || got[0].Kind == policy.NudgeFollowUp || got[1].Kind == policy.NudgeFollowUp {
		t.Errorf("after helped: got %+v, want a thank-you and a help-back, no follow-up", got)
	}
	mustKith(t, db, "outcome", "1", "--thanked")
	a, err := store.New(db).Ask(1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != store.StatusHelped || a.Outcome != "met Carla" || a.Thanked.IsZero() || a.Resolved.Format("2006-01-02") != "2026-11-20" {
		t.Errorf("got %+v", a)
	}
	if out := mustKith(t, db, "show", "Ada"); !strings.Contains(out, "#1") || !strings.Contains(out, "(thanked)") {
		t.Errorf("show:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"outcome", "x", "--status", "helped"}, 2, "must be an ask's id"},
		{[]string{"outcome", "1"}, 2, "nothing to record"},
		{[]string{"outcome", "1", "--status", "meh"}, 2, "--status"},
		{[]string{"outcome", "99", "--status", "helped"}, 1, "ask 99: not found"},
	} {
		if _, errs, code := kith(t, db, c.args...); code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

func TestProfileQuestions(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--question", "Fintech:How did you move from banking to a start-up?", "--question", "fintech:What do teams there look for?", "--question", "default:What surprised you?")
	p, _ := store.New(db).Profile()
	if got := p.Questions["fintech"]; len(got) != 2 || got[1] != "What do teams there look for?" {
		t.Errorf("fintech questions: got %q", got)
	}
	out := mustKith(t, db, "profile")
	if !strings.Contains(out, "fintech: How did you move") || !strings.Contains(out, "default: What surprised you?") {
		t.Errorf("profile does not show the questions:\n%s", out)
	}
	mustKith(t, db, "add", "Ada", "--sector", "fintech")
	if out := mustKith(t, db, "draft", "Ada", "--kind", "chat", "--sector", "fintech"); !strings.Contains(out, "How did you move from banking to a start-up?") {
		t.Errorf("the draft does not bring the question:\n%s", out)
	}
	mustKith(t, db, "profile", "--clear-questions", "FINTECH")
	if p, _ := store.New(db).Profile(); len(p.Questions["fintech"]) != 0 || len(p.Questions["default"]) != 1 {
		t.Errorf("after clearing fintech: %v", p.Questions)
	}
	if _, errs, code := kith(t, db, "profile", "--question", "no colon"); code != 2 || !strings.Contains(errs, "want TOPIC:TEXT") {
		t.Errorf("got %d %q", code, errs)
	}
}

// A sector keeps the case it was written in ("VIP" goes back out as
// "VIP"), and every match ignores case: list --sector, who --sector.
func TestSectorsKeepTheirCase(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace", "--sector", "VIP", "--sector", "FinTech")
	mustKith(t, db, "add", "Bob", "--sector", "design")
	if out := mustKith(t, db, "list", "--sector", "vip"); !strings.Contains(out, "Ada Lovelace") || !strings.Contains(out, "VIP,FinTech") || strings.Contains(out, "Bob") {
		t.Errorf("list --sector vip:\n%s", out)
	}
	if out := mustKith(t, db, "list", "--sector", "DESIGN"); !strings.Contains(out, "Bob") || strings.Contains(out, "Ada") {
		t.Errorf("list --sector DESIGN:\n%s", out)
	}
	if out := mustKith(t, db, "who", "--kind", "chat", "--sector", "fintech"); !strings.Contains(out, "Ada Lovelace") || strings.Contains(out, "Bob") {
		t.Errorf("who --sector fintech:\n%s", out)
	}
	if out := mustKith(t, db, "export", "--format", "vcard"); !strings.Contains(out, "CATEGORIES:VIP,FinTech") {
		t.Errorf("the vCard export lost the case:\n%s", out)
	}
}
