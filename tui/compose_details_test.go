package tui

import (
	"strings"
	"testing"

	"kith/store"
)

// TestComposeSecondDetail: an intro asks whom and why, a referral the job
// and its link, each in its own field, and the draft uses both; a kind
// with one detail has no second field, and tab steps from the first to
// the subject.
func TestComposeSecondDetail(t *testing.T) {
	cases := []struct {
		kind        store.Kind
		first, more string
		want        []string
	}{
		{store.KindIntro, "Giulia Neri", "I want to learn how her team tests", []string{"Giulia Neri", "because I want to learn how her team tests"}},
		{store.KindReferral, "Product Designer at Avio", "https://avio.example/jobs/42", []string{"Product Designer", "https://avio.example/jobs/42"}},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			m := composeModel(t, 100, 30)
			cp := openCompose(t, m, 0, c.kind)
			cp.setFocus(fieldTopic)
			typeText(m, c.first)
			press(m, "tab")
			if cp.focus != fieldMore {
				t.Fatalf("tab from the first field focused field %d, want the second detail (%d)", cp.focus, fieldMore)
			}
			typeText(m, c.more)
			body := cp.body.Value()
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("the %s draft lacks %q:\n%s", c.kind, w, body)
				}
			}
			label, _ := moreField(c.kind)
			if v := plain(m); !strings.Contains(v, label+" ") {
				t.Errorf("the pane shows no %q field:\n%s", label, v)
			}
		})
	}
	m := composeModel(t, 100, 30)
	cp := openCompose(t, m, 0, store.KindChat)
	cp.setFocus(fieldTopic)
	press(m, "tab")
	if cp.focus != fieldSubject {
		t.Errorf("tab in a chat's compose focused field %d, want the subject (%d)", cp.focus, fieldSubject)
	}
	press(m, "shift+tab")
	if cp.focus != fieldTopic {
		t.Errorf("shift+tab from the subject focused field %d, want the topic (%d)", cp.focus, fieldTopic)
	}
}
