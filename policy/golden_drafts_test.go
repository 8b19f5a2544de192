package policy

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kith/store"
)

var update = flag.Bool("update", false, "rewrite the golden drafts in testdata/drafts")

// goldenFriend is the friend of the golden drafts: a designer at Acme in
// aerospace, busy in November and December, who worked with you.
func goldenFriend() *store.Friend {
	return &store.Friend{ID: 1, Name: "Ana Rossi", Org: "Acme", Role: "Designer", Closeness: 3, Sectors: []string{"aerospace"},
		WorkedTogether: true, WorkedNote: "Acme, 2019-2021", Busy: []store.MonthRange{{From: 11, To: 12}}}
}

// goldenRequest is the request of kind k with every detail it needs.
func goldenRequest(k store.Kind, lang string) Request {
	if lang == store.LangItalian {
		return Request{Kind: k, Sector: "aerospazio", Org: "Avio", Topic: map[store.Kind]string{
			store.KindChat: "il passaggio dal software all'aerospazio", store.KindOther: "un passaggio in aeroporto venerdì",
		}[k], Details: Details{Whom: "Giulia Neri, che guida il team di design", Why: "vorrei capire come lavorano", Job: "Product Designer",
			Link: "https://avio.example/lavora-con-noi/42", Doc: "lettera di presentazione", Decision: "se accettare l'offerta di Avio o restare nel fintech"}}
	}
	return Request{Kind: k, Sector: "aerospace", Org: "Avio", Topic: map[store.Kind]string{
		store.KindChat: "moving from software into aerospace", store.KindOther: "a lift to the airport on Friday",
	}[k], Details: Details{Whom: "Giulia Neri, who leads their design team", Why: "I'd like to understand how they work", Job: "Product Designer",
		Link: "https://avio.example/jobs/42", Doc: "cover letter", Decision: "whether to take the Avio offer or stay in fintech"}}
}

// goldenProfile has a blurb in each language and no question bank, so
// the placeholders show.
func goldenProfile(lang string) store.Profile {
	p := store.Profile{Name: "Marco Bianchi", Signature: "Marco", Lang: lang}
	p.SetBlurb(store.LangEnglish, "Marco is a product designer with six years in consumer apps, now moving into aerospace tooling.")
	p.SetBlurb(store.LangItalian, "Marco è un product designer con sei anni di app consumer alle spalle, e ora vuole passare agli strumenti per l'aerospazio.")
	return p
}

// TestGoldenDrafts drafts every kind in every situation (clear, a forced
// hold, busy, sole contact, after several asks) and every stage of an
// ask's life, in both languages, and compares them with
// testdata/drafts/<lang>-<situation>.txt: the files to read aloud.
func TestGoldenDrafts(t *testing.T) {
	tmpl := builtins(t)
	lastChat := []store.Ask{ask(store.KindChat, store.StatusHelped, 9*day)}
	several := []store.Ask{ask(store.KindIntro, store.StatusHelped, 80*day), ask(store.KindReview, store.StatusHelped, 45*day), ask(store.KindChat, store.StatusDeclined, 12*day)}
	situations := []struct {
		name string
		v    Verdict
		asks []store.Ask
		sole bool
	}{
		{"clear", Verdict{Level: Clear}, nil, false},
		{"forced-hold", Verdict{Level: Hold, Reasons: []Reason{{CodeCooldown, "x.", Hold}}}, lastChat, false},
		{"busy", Verdict{Level: Caution, Reasons: []Reason{{CodeBusy, "x.", Caution}}}, nil, false},
		{"sole-contact", Verdict{Level: Caution, Reasons: []Reason{{CodeAcknowledge, "x.", Caution}}}, lastChat, true},
		{"several-asks", Verdict{Level: Caution, Reasons: []Reason{{CodeFrequency, "x.", Caution}}}, several, false},
	}
	for _, lang := range store.Langs() {
		p := goldenProfile(lang)
		for _, sit := range situations {
			var b strings.Builder
			for _, k := range store.Kinds() {
				req := goldenRequest(k, lang)
				req.Sole = sit.sole
				if sit.sole {
					req.Org = "" // the sole contact is in the sector
				}
				m, err := Draft(p, goldenFriend(), req, sit.v, PastOf(sit.asks, nil, now), tmpl)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, sit.name, k, err)
				}
				writeGolden(&b, string(k), m)
				if miss := Check(m.Body, req, sit.v); len(miss) > 0 {
					// the profile has no question bank: placeholders stand for the questions
					for _, r := range miss {
						if r.Code != CheckPlaceholder && r.Code != CheckQuestions {
							t.Errorf("%s %s %s: Check misses %s:\n%s", lang, sit.name, k, r.Code, m.Body)
						}
					}
				}
			}
			compareGolden(t, lang+"-"+sit.name, b.String())
		}
		for _, st := range Stages() {
			var b strings.Builder
			for _, k := range store.Kinds() {
				a := ask(k, store.StatusHelped, 16*day)
				a.ID = 7
				a.Topic = goldenRequest(k, lang).Topic
				if st == StageFollowUp {
					a.Status = store.StatusSent
				}
				if st == StageCloseLoop && k == store.KindIntro {
					a.Outcome = map[string]string{"en": "Giulia and I spoke on Tuesday, and she has asked me to send her my portfolio",
						"it": "Giulia e io ci siamo sentite martedì, e mi ha chiesto di mandarle il portfolio"}[lang]
				}
				m, err := DraftStage(p, goldenFriend(), &a, st, PastOf([]store.Ask{a}, nil, now), tmpl)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, st, k, err)
				}
				writeGolden(&b, string(k), m)
			}
			compareGolden(t, lang+"-"+string(st), b.String())
		}
	}
}

func writeGolden(b *strings.Builder, name string, m Message) {
	b.WriteString("=== " + name + "\nSubject: " + m.Subject + "\n\n" + m.Body + "\n")
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "drafts", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden drafts (rerun with -update if intended):\n%s", path, got)
	}
}
