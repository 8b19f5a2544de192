package tui

import (
	"slices"
	"testing"

	"kith/store"
)

// smallNet is a network of the named friends, one ask-free friend each.
func smallNet(names ...string) *network {
	n := &network{}
	for i, name := range names {
		n.friends = append(n.friends, store.Friend{ID: uint64(i + 1), Name: name, Closeness: 3})
		n.asks = append(n.asks, nil)
		n.favors = append(n.favors, nil)
	}
	return n
}

// TestFilterIgnoresAccentsAndCase: the issue's "/kaminski misses three
// Kamińskis" and "/zoe misses Zoë".
func TestFilterIgnoresAccentsAndCase(t *testing.T) {
	net := smallNet("Krzysztof Kamiński", "Ewa Kamińska", "Piotr KAMIŃSKI", "Zoë Laurent", "Zoe Baker", "Ada Lovelace", "Łukasz Wróbel")
	for q, want := range map[string][]string{
		"kaminsk": {"Ewa Kamińska", "Krzysztof Kamiński", "Piotr KAMIŃSKI"},
		"zoe":     {"Zoe Baker", "Zoë Laurent"},
		"ZOË":     {"Zoe Baker", "Zoë Laurent"},
		"lukasz":  {"Łukasz Wróbel"},
		"wrob":    {"Łukasz Wróbel"},
	} {
		m := newTestModel(t, net, 80, 24)
		press(m, "/")
		typeText(m, q)
		var got []string
		for _, i := range m.home.rows {
			got = append(got, net.friends[i].Name)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("/%s shows %q, want %q", q, got, want)
		}
	}
}
