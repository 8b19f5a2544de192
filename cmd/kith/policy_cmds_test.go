package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestArticleScenarios walks the article's situations through the CLI on
// a temporary database (testNow is 2026-11-25).
func TestArticleScenarios(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "profile", "--name", "Marco", "--blurb", "Marco is a product designer moving into aerospace tooling.")
	mustKith(t, db, "add", "Ana Rossi", "--org", "Acme", "--sector", "software")
	mustKith(t, db, "add", "Bea Bianchi", "--org", "Initech", "--sector", "software")
	mustKith(t, db, "add", "Carlo Neri", "--org", "Umbrella", "--sector", "design")
	mustKith(t, db, "add", "Dora Verdi", "--org", "Globex", "--sector", "finance",
		"--boundary", "referral:Globex forbids referrals to executives")
	mustKith(t, db, "add", "Ezio Blu", "--org", "Avio", "--sector", "aerospace", "--closeness", "4")

	// Asked 5 days ago: hold until the cool-down ends, and no draft
	// without --force.
	mustKith(t, db, "ask", "ana", "--kind", "chat", "--status", "helped", "--at", "2026-11-20")
	out, _, code := kith(t, db, "check", "ana", "--kind", "intro")
	if code != 3 || !strings.Contains(out, "HOLD") || !strings.Contains(out, "cooldown:") || !strings.Contains(out, "Fri 4 Dec 2026") {
		t.Errorf("asked 5 days ago: exit %d, want 3 with the cool-down end:\n%s", code, out)
	}
	_, errs, code := kith(t, db, "draft", "ana", "--kind", "intro")
	if code != 3 || !strings.Contains(errs, "on hold") || !strings.Contains(errs, "--force") {
		t.Errorf("draft on hold: exit %d, want 3 and a hint:\n%s", code, errs)
	}
	out, _, code = kith(t, db, "draft", "ana", "--kind", "intro", "--force")
	if code != 0 || !strings.Contains(out, "I know I asked you for a chat a few days ago, and you were kind enough to help") || !strings.Contains(out, "> Marco is a product designer") {
		t.Errorf("draft --force on hold: exit %d, want the acknowledgement and the blurb:\n%s", code, out)
	}

	// Asked 40 days ago: clear.
	mustKith(t, db, "ask", "bea", "--kind", "chat", "--status", "helped", "--at", "2026-10-16")
	out, _, code = kith(t, db, "check", "bea", "--kind", "intro")
	if code != 0 || !strings.Contains(out, "CLEAR") {
		t.Errorf("asked 40 days ago: exit %d, want 0 and clear:\n%s", code, out)
	}

	// A reference from a friend you never worked with: blocked, no draft.
	out, _, code = kith(t, db, "check", "carlo", "--kind", "reference", "--json")
	var cj map[string]any
	if err := json.Unmarshal([]byte(out), &cj); err != nil {
		t.Fatalf("check --json: %v\n%s", err, out)
	}
	if code != 4 || cj["level"] != "block" || cj["score"] != 0.0 || cj["name"] != "Carlo Neri" || !hasCode(cj["reasons"], "truth") {
		t.Errorf("reference without working together: exit %d, %v; want 4, block, truth", code, cj)
	}
	out, errs, code = kith(t, db, "draft", "carlo", "--kind", "reference")
	if code != 4 || out != "" || !strings.Contains(errs, "truth:") || !strings.Contains(errs, "never worked with Carlo") {
		t.Errorf("draft of a blocked reference: exit %d, stdout %q, stderr %q; want 4, nothing, the reason", code, out, errs)
	}

	// A friend whose organisation forbids referrals: blocked, their note
	// quoted; who puts them last, and leaves them out when ready-only.
	out, _, code = kith(t, db, "check", "dora", "--kind", "referral")
	if code != 4 || !strings.Contains(out, "“Globex forbids") || !strings.Contains(out, "referrals to executives”") {
		t.Errorf("referral against the boundary: exit %d, want 4 quoting the note:\n%s", code, out)
	}
	var rows []whoRow
	whoJSONOut := mustKith(t, db, "who", "--kind", "referral", "--keywords", "globex,acme", "--json")
	if err := json.Unmarshal([]byte(whoJSONOut), &rows); err != nil {
		t.Fatalf("who --json: %v\n%s", err, whoJSONOut)
	}
	if len(rows) != 2 || rows[0].Name != "Ana Rossi" || rows[1].Name != "Dora Verdi" || rows[1].Level != "block" || rows[1].Relevance == 0 {
		t.Errorf("who for a referral at Globex or Acme: got %+v, want Ana (held) then Dora (blocked)", rows)
	}
	out = mustKith(t, db, "who", "--kind", "referral", "--keywords", "globex,acme", "--ready-only")
	if strings.Contains(out, "Dora") || strings.Contains(out, "Ana") || !strings.Contains(out, "nobody fits") {
		t.Errorf("who --ready-only: want nobody, got:\n%s", out)
	}

	// The only friend in aerospace, asked twice in a week: the hold turns
	// into a caution that the draft must acknowledge.
	mustKith(t, db, "ask", "ezio", "--kind", "intro", "--status", "helped", "--sector", "aerospace", "--at", "2026-11-22")
	out, _, code = kith(t, db, "check", "ezio", "--kind", "chat", "--sector", "aerospace")
	if code != 0 || !strings.Contains(out, "CAUTION") || !strings.Contains(out, "acknowledge:") || !strings.Contains(out, "only one you know in") {
		t.Errorf("only friend in aerospace: exit %d, want 0 with acknowledge:\n%s", code, out)
	}
	out, errs, code = kith(t, db, "draft", "ezio", "--kind", "chat", "--sector", "aerospace", "--topic", "moving into aerospace")
	if code != 0 || !strings.Contains(out, "Subject: A quick chat about moving into aerospace?") ||
		!strings.Contains(out, "you're the one person I know in aerospace") || strings.Contains(out, "search") {
		t.Errorf("draft to the only friend in aerospace: exit %d, want the acknowledgement:\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(errs, "questions:") || !strings.Contains(errs, "placeholder:") {
		t.Errorf("draft with placeholder questions: want the misses on stderr, got %q", errs)
	}
	// Without naming the sector it is an ordinary cool-down.
	if _, _, code = kith(t, db, "check", "ezio", "--kind", "chat"); code != 3 {
		t.Errorf("ezio without a sector: exit %d, want 3", code)
	}
	// A second friend in aerospace: no longer the only one; who suggests her.
	mustKith(t, db, "add", "Fede Gialli", "--org", "Thales", "--sector", "aerospace")
	if _, _, code = kith(t, db, "check", "ezio", "--kind", "chat", "--sector", "aerospace"); code != 3 {
		t.Errorf("ezio with another friend in aerospace: exit %d, want 3", code)
	}
	out = mustKith(t, db, "who", "--kind", "chat", "--sector", "aerospace")
	var lines []string // the header and the rows, without the why under each
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if !strings.HasPrefix(l, " ") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 3 || !strings.Contains(lines[1], "Fede Gialli") || !strings.Contains(lines[2], "Ezio Blu") || !strings.Contains(lines[2], "hold") {
		t.Errorf("who for aerospace: want Fede then Ezio on hold:\n%s", out)
	}
}

type whoRow struct {
	ID        uint64 `json:"id"`
	Name      string `json:"name"`
	Org       string `json:"org"`
	Level     string `json:"level"`
	Score     int    `json:"score"`
	Relevance int    `json:"relevance"`
	Reasons   []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"reasons"`
}

func hasCode(reasons any, code string) bool {
	rs, _ := reasons.([]any)
	for _, r := range rs {
		if m, _ := r.(map[string]any); m["code"] == code {
			return true
		}
	}
	return false
}

func TestPolicyVerbsUsage(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ana Rossi")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "ana"}, 2, "--kind is required"},
		{[]string{"check", "ana", "--kind", "bribe"}, 2, "unknown kind"},
		{[]string{"check", "--kind", "chat"}, 2, "want exactly one FRIEND"},
		{[]string{"check", "nobody", "--kind", "chat"}, 1, "no friend matches"},
		{[]string{"who"}, 2, "--kind is required"},
		{[]string{"who", "--kind", "chat", "--limit", "-1"}, 2, "--limit"},
		{[]string{"who", "--kind", "chat", "extra"}, 2, "unexpected argument"},
		{[]string{"who", "--kind", "chat", "--exclude", "nobody"}, 1, "--exclude"},
		{[]string{"draft", "ana"}, 2, "--kind is required"},
	}
	for _, tc := range tests {
		_, errs, code := kith(t, db, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("kith %v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

func TestWhoTextFits80Columns(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Bartholomew Maximilian Featherstonehaugh-Smythe", "--org", "The Very Long Organisation Name Ltd",
		"--sector", "aerospace", "--busy", "Nov-Dec", "--closeness", "1")
	mustKith(t, db, "add", "林 美玲", "--org", "阿里巴巴集团控股有限公司", "--sector", "aerospace")
	mustKith(t, db, "ask", "林", "--kind", "referral", "--at", "2026-11-24")
	out := mustKith(t, db, "who", "--kind", "referral", "--sector", "aerospace")
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line is %d cells wide, want ≤ 80: %q", w, l)
		}
	}
	out, _, _ = kith(t, db, "check", "Bartholomew", "--kind", "referral", "--sector", "aerospace", "--org", "The Very Long Organisation Name Ltd")
	out2, _, _ := kith(t, db, "check", "林", "--kind", "referral")
	out += out2
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("check line is %d cells wide, want ≤ 80: %q", w, l)
		}
	}
}

func TestShowIncludesVerdict(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ana Rossi", "--sector", "aerospace", "--busy", "Nov-Dec")
	var got struct {
		Verdict struct {
			Kind    string `json:"kind"`
			Sector  string `json:"sector"`
			Level   string `json:"level"`
			Score   int    `json:"score"`
			Reasons []struct {
				Code string `json:"code"`
			} `json:"reasons"`
		} `json:"verdict"`
	}
	out := mustKith(t, db, "show", "ana", "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Verdict.Kind != "chat" || got.Verdict.Sector != "aerospace" || got.Verdict.Level != "caution" || len(got.Verdict.Reasons) != 1 || got.Verdict.Reasons[0].Code != "busy" {
		t.Errorf("show --json verdict = %+v, want a caution for a chat in aerospace (busy)", got.Verdict)
	}
	text := mustKith(t, db, "show", "ana")
	if !strings.Contains(text, "Readiness for a chat in aerospace:") || !strings.Contains(text, "CAUTION") {
		t.Errorf("show: want the readiness section:\n%s", text)
	}
}

func TestDraftUserTemplates(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ana Rossi", "--org", "Acme")
	home := t.TempDir()
	cfg := filepath.Join(home, "cfg")
	dir := filepath.Join(cfg, "kith", "templates", "en")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string, int) {
		var out, errb strings.Builder
		getenv := func(k string) string {
			switch k {
			case "XDG_CONFIG_HOME":
				return cfg
			case "HOME":
				return home
			}
			return ""
		}
		code := runAt(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb, getenv, testNow)
		return out.String(), errb.String(), code
	}
	if err := os.WriteFile(filepath.Join(dir, "chat.tmpl"), []byte(`Hi {{.First}}, would you have time for a coffee chat?`), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run("draft", "ana", "--kind", "chat")
	if code != 0 || !strings.Contains(out, "Hi Ana, would you have time for a coffee chat?") {
		t.Errorf("user template: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "out:") || !strings.Contains(errs, "help-back:") {
		t.Errorf("user template missing rules: want them reported on stderr, got %q", errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "chat.tmpl"), []byte(`Hi {{.First`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code = run("draft", "ana", "--kind", "chat")
	if code != 1 || !strings.Contains(errs, filepath.Join(dir, "chat.tmpl")) {
		t.Errorf("broken template: exit %d, stderr %q; want 1 naming the file", code, errs)
	}
}

func TestWriteWrapped(t *testing.T) {
	var b strings.Builder
	writeWrapped(&b, "  code:  ", "one two three 美美美美 four five six seven eight nine ten eleven", 30)
	// 21 cells after the prefix; each 美 is two cells wide.
	want := "  code:  one two three\n         美美美美 four five\n         six seven eight nine\n         ten eleven\n"
	if b.String() != want {
		t.Errorf("writeWrapped =\n%q, want\n%q", b.String(), want)
	}
	b.Reset()
	writeWrapped(&b, "", "", 80)
	if b.String() != "\n" {
		t.Errorf("writeWrapped(empty) = %q, want one newline", b.String())
	}
}

func TestCheckPendingAsk(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "add", "Ana Rossi")
	mustKith(t, db, "ask", "ana", "--kind", "intro", "--at", "2026-11-05") // sent, no outcome, 20 days ago
	out, _, code := kith(t, db, "check", "ana", "--kind", "chat")
	if code != 3 || !strings.Contains(out, "pending:") || strings.Contains(out, "cooldown:") {
		t.Errorf("unanswered ask of 20 days ago: exit %d, want 3 with pending only:\n%s", code, out)
	}
	mustKith(t, db, "add", "Bea Bianchi")
	mustKith(t, db, "ask", "bea", "--kind", "intro", "--at", "2026-09-01") // sent, 85 days ago
	out, _, code = kith(t, db, "check", "bea", "--kind", "chat")
	if flat := strings.Join(strings.Fields(out), " "); code != 0 || !strings.Contains(flat, "CAUTION") || !strings.Contains(flat, "record what happened") {
		t.Errorf("stale unanswered ask: exit %d, want 0, a caution to record the outcome:\n%s", code, out)
	}
}
