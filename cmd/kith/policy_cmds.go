package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/ansi"

	"kith/policy"
	"kith/store"
)

// request turns the flags into a policy request; --kind is required.
func (rf *requestFlags) request(verb string) (policy.Request, error) {
	if strings.TrimSpace(rf.kind) == "" {
		return policy.Request{}, usageErrorf("%s: --kind is required", verb).
			withHint("want one of intro, chat, referral, reference, recommendation, advice, review, other")
	}
	k, err := store.ParseKind(rf.kind)
	if err != nil {
		return policy.Request{}, usageErrorf("--kind: %v", err)
	}
	req := policy.Request{
		Kind:   k,
		Sector: store.CleanText(strings.TrimSpace(rf.sector), false),
		Org:    store.CleanText(strings.TrimSpace(rf.org), false),
		Circle: store.CleanText(strings.TrimSpace(rf.circle), false),
		Topic:  store.CleanText(strings.TrimSpace(rf.topic), false),
		Target: policy.Target{
			Person: store.CleanText(strings.TrimSpace(rf.targetPerson), false),
			Role:   store.CleanText(strings.TrimSpace(rf.targetRole), false),
		},
	}
	for _, w := range strings.FieldsFunc(rf.keywords, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		req.Keywords = append(req.Keywords, store.CleanText(w, false))
	}
	return req, nil
}

// verdictFor evaluates friend f for req: their full history, the
// profile's settings, whether they are the only one you know in the
// targeted sector or organisation, and how much their circles were asked
// lately (placesFor: the friends there and the members of their circles,
// not the whole network).
func verdictFor(e *env, f *store.Friend, req policy.Request) (policy.Verdict, store.Profile, error) {
	p, err := e.store.Profile()
	if err != nil {
		return policy.Verdict{}, p, err
	}
	asks, favors, err := e.store.History(f.ID)
	if err != nil {
		return policy.Verdict{}, p, err
	}
	places, err := placesFor(e, f, req)
	if err != nil {
		return policy.Verdict{}, p, err
	}
	sub := policy.SubjectOf(f, asks, favors)
	req.Sole = places.Sole(req, f)
	req.CircleAsks = places.CircleLoad(sub, e.now)
	return policy.Evaluate(sub, req, p.Settings, e.now), p, nil
}

// levelExit is check's exit status: 0 clear or caution, 3 hold, 4 block.
func levelExit(l policy.Level) error {
	switch l {
	case policy.Hold:
		return exitCode(3, nil)
	case policy.Block:
		return exitCode(4, nil)
	}
	return nil
}

// checkJSON is `kith check --json`: the friend, the request and the
// verdict's fields.
type checkJSON struct {
	ID     uint64     `json:"id"`
	Name   string     `json:"name"`
	Kind   store.Kind `json:"kind"`
	Sector string     `json:"sector,omitempty"`
	Org    string     `json:"org,omitempty"`
	policy.Verdict
}

func cmdCheck(e *env, q string, rf *requestFlags, asJSON bool) error {
	req, err := rf.request("check")
	if err != nil {
		return err
	}
	f, err := e.store.FindFriend(q)
	if err != nil {
		return err
	}
	v, _, err := verdictFor(e, &f, req)
	if err != nil {
		return err
	}
	if asJSON {
		if err := writeJSON(e.out, checkJSON{ID: f.ID, Name: f.Name, Kind: req.Kind, Sector: req.Sector, Org: req.Org, Verdict: v}); err != nil {
			return err
		}
		return levelExit(v.Level)
	}
	writeWrapped(e.out, "", fmt.Sprintf("%s (id %d) — %s", f.Name, f.ID, describe(req)), 80)
	printVerdict(e.out, v)
	return levelExit(v.Level)
}

// describe says what a request is: "chat about aerospace at Avio".
func describe(req policy.Request) string {
	s := string(req.Kind)
	if req.Kind == store.KindOther {
		s = "favor"
	}
	if req.Topic != "" {
		s += " about " + req.Topic
	}
	if req.Sector != "" {
		s += " in " + req.Sector
	}
	if req.Org != "" {
		s += " at " + req.Org
	}
	return s
}

// printVerdict writes the level, score and reasons, wrapped at 80 columns.
func printVerdict(w io.Writer, v policy.Verdict) {
	fmt.Fprintf(w, "  %-12s %s (readiness %d/100)\n", "verdict:", strings.ToUpper(v.Level.String()), v.Score)
	if !v.Until.IsZero() {
		fmt.Fprintf(w, "  %-12s %s\n", "hold until:", v.Until.Local().Format("Mon 2 Jan 2006"))
	}
	for _, r := range v.Reasons {
		writeWrapped(w, "  "+padRight(r.Code+":", 12)+" ", r.Message, 80)
	}
	if len(v.Reasons) == 0 {
		fmt.Fprintf(w, "  %-12s %s\n", "", "Nothing stands in the way.")
	}
	writeWrapped(w, "  "+padRight("ledger:", 12)+" ", v.Ledger.String()+".", 80)
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// writeWrapped writes text after prefix, wrapping at width terminal
// cells and indenting continuation lines under the text.
func writeWrapped(w io.Writer, prefix, text string, width int) {
	text = printable(text)
	pw := ansi.StringWidth(prefix)
	indent := strings.Repeat(" ", pw)
	avail := max(width-pw, 20)
	var line strings.Builder
	line.WriteString(prefix)
	n := 0
	for _, word := range strings.Fields(text) {
		ww := ansi.StringWidth(word)
		if n > 0 && n+1+ww > avail {
			fmt.Fprintln(w, line.String())
			line.Reset()
			line.WriteString(indent)
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += ww
	}
	fmt.Fprintln(w, line.String())
}

// whoJSON is one row of `kith who --json`: the friend, the verdict, and
// why they are in the list, as facts (fit) and in words (why).
type whoJSON struct {
	ID        uint64          `json:"id"`
	Name      string          `json:"name"`
	Org       string          `json:"org"`
	Level     policy.Level    `json:"level"`
	Score     int             `json:"score"`
	Relevance int             `json:"relevance"`
	Why       string          `json:"why"`
	Fit       policy.Fit      `json:"fit"`
	Reasons   []policy.Reason `json:"reasons"`
}

func cmdWho(e *env, o *whoFlags) error {
	if o.limit < 0 {
		return usageErrorf("--limit: must be 0 (all) or more, got %d", o.limit)
	}
	req, err := o.request("who")
	if err != nil {
		return err
	}
	opt := policy.RankOptions{Limit: o.limit, ReadyOnly: o.readyOnly}
	if o.exclude != "" {
		f, err := e.store.FindFriend(o.exclude)
		if err != nil {
			return fmt.Errorf("--exclude: %w", err)
		}
		opt.Exclude = f.ID
	}
	p, err := e.store.Profile()
	if err != nil {
		return err
	}
	n, circles, err := rankPool(e, req)
	if err != nil {
		return err
	}
	opt.Circles = circles
	rows := policy.Rank(req, policy.NetworkPool(n), p.Settings, e.now, opt)
	if o.json {
		out := make([]whoJSON, 0, len(rows))
		for _, c := range rows {
			out = append(out, whoJSON{ID: c.Friend.ID, Name: c.Friend.Name, Org: c.Friend.Org, Level: c.Verdict.Level,
				Score: c.Verdict.Score, Relevance: c.Relevance, Why: c.Fit.Words(e.now), Fit: c.Fit, Reasons: c.Verdict.Reasons})
		}
		return writeJSON(e.out, out)
	}
	if len(rows) == 0 {
		fmt.Fprintf(e.out, "nobody fits this request (%s)", printable(describe(req)))
		if o.readyOnly {
			fmt.Fprint(e.out, " and is ready now; try without --ready-only")
		}
		fmt.Fprintln(e.out)
		return nil
	}
	t := newTable("#", "ID", "NAME", "ORG", "LEVEL", "SCORE", "FIT")
	for i, c := range rows {
		t.add(strconv.Itoa(i+1), strconv.FormatUint(c.Friend.ID, 10), c.Friend.Name, c.Friend.Org, c.Verdict.Level.String(),
			strconv.Itoa(c.Verdict.Score), strconv.Itoa(c.Relevance))
	}
	// 80 columns: # 3, id 6, name 24, org 20, level 7, score 5, fit 3,
	// plus two spaces between columns; under each row, why in words and
	// its reasons.
	var buf strings.Builder
	if err := t.write(&buf, []int{3, 6, 24, 20, 7, 5, 3}); err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	fmt.Fprintln(e.out, lines[0])
	for i, c := range rows {
		fmt.Fprintln(e.out, lines[i+1])
		writeWrapped(e.out, "     ", c.Fit.Words(e.now), 80)
		for _, r := range c.Verdict.Reasons {
			writeWrapped(e.out, "     "+r.Level.String()+": ", r.Message, 80)
		}
	}
	return nil
}

// whoHint is the `kith who` command that looks for someone else for req
// than the friend called name: the same kind, sector, organisation,
// circle, target and keywords, leaving the friend out.
func whoHint(req policy.Request, name string) string {
	var b strings.Builder
	b.WriteString("kith who --kind " + string(req.Kind))
	arg := func(flag, v string) {
		if v = strings.TrimSpace(v); v != "" {
			b.WriteString(" --" + flag + " " + shellQuote(v))
		}
	}
	arg("sector", req.Sector)
	arg("org", req.Org)
	arg("circle", req.Circle)
	arg("target-role", req.Target.Role)
	arg("target-person", req.Target.Person)
	arg("keywords", strings.Join(req.Keywords, " "))
	arg("exclude", name)
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./@,+:", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// templateDir is where the user's draft templates live:
// $XDG_CONFIG_HOME/kith/templates (~/.config/kith/templates).
func templateDir(getenv func(string) string) string {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	base := getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		if home := getenv("HOME"); home != "" {
			base = filepath.Join(home, ".config")
		} else {
			base = xdg.ConfigHome
		}
	}
	return filepath.Join(base, "kith", "templates")
}

// loadTemplates reads and parses the draft templates, the user's and the
// built-in ones, once (policy.LoadTemplates); a user file it cannot use
// fails the drafts that need it, naming the file.
func loadTemplates(getenv func(string) string) *policy.Templates {
	dir := templateDir(getenv)
	t, _ := policy.LoadTemplates(dirFS(dir), dir)
	return t
}

// dirFS is the template directory as a file system, or nil when it does
// not exist (the built-in templates then serve alone).
func dirFS(dir string) fs.FS {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}

// likelyJSON is the verdict `kith show` gives: for the friend's most
// likely next request (policy.Likely), with that request.
type likelyJSON struct {
	Kind   store.Kind `json:"kind"`
	Sector string     `json:"sector,omitempty"`
	Org    string     `json:"org,omitempty"`
	policy.Verdict
}

// likelyVerdict evaluates the friend's most likely next request.
func likelyVerdict(e *env, f *store.Friend, asks []store.Ask, favors []store.Favor) (*likelyJSON, error) {
	p, err := e.store.Profile()
	if err != nil {
		return nil, err
	}
	sub := policy.SubjectOf(f, asks, favors)
	places, err := placesFor(e, f, policy.Likely(sub))
	if err != nil {
		return nil, err
	}
	req, v := policy.LikelyVerdict(sub, places, p.Settings, e.now)
	return &likelyJSON{Kind: req.Kind, Sector: req.Sector, Org: req.Org, Verdict: v}, nil
}

// printLikely writes show's verdict section.
func printLikely(w io.Writer, lv *likelyJSON) {
	if lv == nil {
		return
	}
	fmt.Fprintf(w, "\nReadiness for a %s:\n", printable(describe(policy.Request{Kind: lv.Kind, Sector: lv.Sector, Org: lv.Org})))
	printVerdict(w, lv.Verdict)
}

// reasonCodes is the codes of rs, comma-separated ("-" for none).
func reasonCodes(rs []policy.Reason) string {
	if len(rs) == 0 {
		return "-"
	}
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
	}
	return strings.Join(codes, ",")
}
