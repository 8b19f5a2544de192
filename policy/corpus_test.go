package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kith/store"
)

// corpusDraft is one hand-written draft of testdata/corpus/<lang>: its
// kind, whether an acknowledgement is due, and the rules a careful reader
// says it misses.
type corpusDraft struct {
	file    string
	req     Request
	v       Verdict
	missing []string
	body    string
}

func readCorpus(t *testing.T, lang string) []corpusDraft {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", lang, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus for %s: %v", lang, err)
	}
	var out []corpusDraft
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, ok := strings.Cut(string(b), "\n---\n")
		if !ok {
			t.Fatalf("%s: no --- between the header and the draft", f)
		}
		c := corpusDraft{file: filepath.Base(f), body: body, v: Verdict{Level: Clear}}
		for line := range strings.Lines(head) {
			k, v, _ := strings.Cut(strings.TrimSpace(line), ":")
			v = strings.TrimSpace(v)
			switch k {
			case "kind":
				kind, err := store.ParseKind(v)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				c.req = Request{Kind: kind}
			case "ack due":
				if v == "yes" {
					c.v = Verdict{Level: Caution, Reasons: []Reason{{CodeFrequency, "x.", Caution}}}
				}
			case "missing":
				c.missing = strings.Fields(v)
			}
		}
		out = append(out, c)
	}
	return out
}

// TestCheckCorpus runs Check over the hand-written corpus, at least 40
// drafts per language, good and bad, in varied registers, and measures
// each rule: precision (of the misses it reports, how many a reader
// agrees with) and recall (of the misses a reader sees, how many it
// reports). Run with -v for the figures.
func TestCheckCorpus(t *testing.T) {
	rules := []string{CheckIntent, CheckAcknowledge, CheckBlurb, CheckQuestions, CheckOut, CheckHelpBack, CheckPlaceholder}
	for _, lang := range store.Langs() {
		corpus := readCorpus(t, lang)
		if len(corpus) < 40 {
			t.Errorf("%s corpus: %d drafts, want at least 40", lang, len(corpus))
		}
		tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
		for _, c := range corpus {
			got := codesOf(Check(c.body, c.req, c.v))
			for _, r := range rules {
				g, w := slices.Contains(got, r), slices.Contains(c.missing, r)
				switch {
				case g && w:
					tp[r]++
				case g:
					fp[r]++
					t.Logf("%s/%s: reports %s, which a reader does not see", lang, c.file, r)
				case w:
					fn[r]++
					t.Logf("%s/%s: misses %s, which a reader sees", lang, c.file, r)
				}
			}
		}
		for _, r := range rules {
			p, rc := ratio(tp[r], tp[r]+fp[r]), ratio(tp[r], tp[r]+fn[r])
			t.Logf("%s %-12s precision %s recall %s (tp %d, fp %d, fn %d)", lang, r, pct(p), pct(rc), tp[r], fp[r], fn[r])
			if p < 0.85 || rc < 0.85 {
				t.Errorf("%s %s: precision %s, recall %s; want both 85%% or more", lang, r, pct(p), pct(rc))
			}
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func pct(x float64) string { return fmt.Sprintf("%3.0f%%", 100*x) }
