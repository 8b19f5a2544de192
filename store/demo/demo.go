// Package demo generates a realistic, deterministic network of friends,
// asks and favors, for trying kith and for benchmarking it.
//
// The same n, seed and now always give the same records: friend i is drawn
// from its own random stream seeded by (seed, i), so the network does not
// depend on how it is split into transactions.
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"kith/store"
)

// ChunkSize is how many friends Fill writes per transaction.
const ChunkSize = 5000

// Fill writes a network of n friends (with about ten asks and a few
// favors each, over the two years before now) into st, in transactions of
// ChunkSize friends so that memory stays flat however large n is. If the
// profile is still blank it also writes a demo profile, so drafts have a
// blurb. progress, if not nil, is called after each transaction with
// the number of friends written so far. Each transaction is durable; on an
// error the friends of earlier transactions stay written.
func Fill(st *store.Store, n int, seed int64, now time.Time, progress func(done int)) error {
	return fill(st, n, seed, now, ChunkSize, progress)
}

func fill(st *store.Store, n int, seed int64, now time.Time, chunk int, progress func(done int)) error {
	if n < 0 {
		return fmt.Errorf("friends: must be 0 or more, got %d", n)
	}
	g := newGenerator(n, seed, now)
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		if err := st.Batch(now, func(tx *store.Tx) error { return g.write(tx, lo, hi) }); err != nil {
			return err
		}
		if progress != nil {
			progress(hi)
		}
	}
	return nil
}

// generator holds the tables and parameters of one network.
type generator struct {
	n        int
	seed     uint64
	now      time.Time
	cultures []culture
	cultureW []int
	sectors  []sector
	sectorW  []int
	rare     []sector
	rareAt   []int // friend index holding rare[j]
	kinds    []store.Kind
	kindW    []int
	topics   map[string][]string
	helped   map[string][]string

	projects, notes, events, favorWhat, withdrawn []string
	declined, declinedConnect                     []string
	boundaries                                    []boundaryChoice
}

// kindWeights are the request kinds with their weights: chats and
// introductions are common, references rare.
func kindWeights() []struct {
	kind   store.Kind
	weight int
} {
	return []struct {
		kind   store.Kind
		weight int
	}{
		{store.KindChat, 28}, {store.KindIntro, 24}, {store.KindAdvice, 14}, {store.KindReview, 12},
		{store.KindReferral, 9}, {store.KindOther, 6}, {store.KindRecommendation, 4}, {store.KindReference, 3},
	}
}

func newGenerator(n int, seed int64, now time.Time) *generator {
	g := &generator{n: n, seed: uint64(seed), now: now.UTC().Truncate(time.Second),
		cultures: cultures(), sectors: sectors(), rare: rareSectors(),
		topics: askTopics(), helped: helpedOutcomes()}
	for _, c := range g.cultures {
		g.cultureW = append(g.cultureW, c.weight)
	}
	for _, s := range g.sectors {
		g.sectorW = append(g.sectorW, s.weight)
	}
	for _, k := range kindWeights() {
		g.kinds = append(g.kinds, k.kind)
		g.kindW = append(g.kindW, k.weight)
	}
	g.projects, g.notes, g.events, g.favorWhat, g.withdrawn = projects(), noteTemplates(), events(), favorTemplates(), withdrawnOutcomes()
	g.declined, g.declinedConnect = declinedOutcomes()
	g.boundaries = boundaryNotes()
	// Spread the rare sectors evenly over the network, one friend each,
	// one for every twenty friends at most so a small network stays
	// mostly ordinary.
	m := min(len(g.rare), n/20)
	for j := 0; j < m; j++ {
		g.rareAt = append(g.rareAt, j*(n/m)+(n/m)/2)
	}
	return g
}

// write stores friends lo..hi-1 with their asks and favors.
func (g *generator) write(tx *store.Tx, lo, hi int) error {
	if lo == 0 && hi > 0 {
		p, err := tx.Profile()
		if err != nil {
			return err
		}
		if b, _ := p.BlurbFor(p.Lang); p.Name == "" && b == "" {
			if err := tx.PutProfile(demoProfile(p)); err != nil {
				return err
			}
		}
	}
	for i := lo; i < hi; i++ {
		f, asks, favors := g.person(i)
		if err := tx.AddFriend(&f); err != nil {
			return fmt.Errorf("demo friend %d: %w", i, err)
		}
		for k := range asks {
			asks[k].FriendID = f.ID
			if err := tx.AddAsk(&asks[k]); err != nil {
				return fmt.Errorf("demo ask of friend %d: %w", i, err)
			}
		}
		for k := range favors {
			favors[k].FriendID = f.ID
			if err := tx.AddFavor(&favors[k]); err != nil {
				return fmt.Errorf("demo favor of friend %d: %w", i, err)
			}
		}
	}
	return nil
}

// demoProfile fills a blank profile with a plausible job seeker.
func demoProfile(p store.Profile) store.Profile {
	p.Name = "Sam Rivera"
	p.Signature = "Sam"
	p.SetBlurb(store.LangEnglish, "Sam Rivera is a backend engineer with eight years in payments, most recently leading a team of five at Ledgerline, "+
		"now looking to move into climate tech as a product manager. Sam has shipped two platform migrations and mentors at Kids Code Club.")
	p.SetBlurb(store.LangItalian, "Sam Rivera è un ingegnere backend con otto anni di esperienza nei pagamenti, da ultimo a capo di un team di cinque persone "+
		"in Ledgerline, e ora vuole passare al climate tech come product manager. Ha guidato due migrazioni di piattaforma e fa da mentore al Kids Code Club.")
	// Keyed by topic, sector, organisation or kind, then "default", as
	// the drafts look them up.
	p.Questions = map[string][]string{
		"default": {
			"What does a normal week in your role look like?",
			"What do you wish you had known before you started?",
			"Which skills made the biggest difference in your first year?",
		},
		"chat": {
			"How did you get from your first job to the one you have now?",
			"What does your team look for in someone coming from another sector?",
			"What is the hardest part of your job that outsiders never see?",
		},
		"advice": {
			"If you were in my place, what would you do first?",
			"What would you avoid, knowing what you know now?",
		},
		"energy": {
			"Which climate-tech companies are hiring product people right now?",
			"How do teams there measure impact beyond revenue?",
		},
		"fintech":  {"How has regulation changed the way your team ships?", "Where do payments people usually go next?"},
		"software": {"How do product and engineering split decisions on your team?", "What does a strong first 90 days look like for a PM there?"},
		// the same in Italian, for the drafts to Italian friends
		"default@it": {
			"Com'è una settimana normale nel tuo ruolo?",
			"Cosa avresti voluto sapere prima di cominciare?",
			"Quali competenze hanno fatto la differenza nel tuo primo anno?",
		},
		"chat@it": {
			"Qual è stato il percorso dal tuo primo lavoro a quello di oggi?",
			"Cosa cerca il tuo team in chi arriva da un altro settore?",
			"Qual è la parte più difficile del tuo lavoro, quella che da fuori non si vede?",
		},
		"advice@it": {
			"Se fossi al mio posto, cosa faresti per prima cosa?",
			"Cosa eviteresti, sapendo quello che sai oggi?",
		},
		"energy@it": {
			"Quali aziende del climate tech cercano persone di prodotto in questo momento?",
			"Lì come si misura l'impatto, oltre al fatturato?",
		},
		"fintech@it":  {"In che modo la regolamentazione ha cambiato il lavoro del tuo team?", "Dove vanno di solito, dopo, le persone che lavorano nei pagamenti?"},
		"software@it": {"Nel tuo team come si dividono le decisioni tra prodotto e ingegneria?", "Come sono, lì, dei buoni primi 90 giorni per un PM?"},
	}
	return p
}

// rng is a random stream with the helpers the generator needs.
type rng struct{ *rand.Rand }

func (r *rng) pct(p int) bool { return r.IntN(100) < p }

func (r *rng) pick(ss ...string) string { return ss[r.IntN(len(ss))] }

func (r *rng) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// weighted returns an index into weights, drawn by weight.
func (r *rng) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// between returns a time uniformly in [from, to), to the second.
func (r *rng) between(from, to time.Time) time.Time {
	d := to.Sub(from)
	if d <= time.Second {
		return from
	}
	return from.Add(time.Duration(r.Int64N(int64(d/time.Second))) * time.Second)
}

// name is one part of a person's name in its forms.
type name struct{ display, latin, ascii, nick string }

func parseName(entry string) name {
	parts := strings.SplitN(entry, "|", 3)
	n := name{display: parts[0], latin: parts[0]}
	if len(parts) > 1 && parts[1] != "" {
		n.latin = parts[1]
	}
	if len(parts) > 2 {
		n.nick = parts[2]
	}
	var b strings.Builder
	for _, c := range strings.ToLower(n.latin) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	n.ascii = b.String()
	return n
}

func (r *rng) name(list []string) name { return parseName(list[r.IntN(len(list))]) }

const (
	day  = 24 * time.Hour
	year = 365 * day
)

// person draws friend i with its asks and favors (ids unset).
func (g *generator) person(i int) (store.Friend, []store.Ask, []store.Favor) {
	r := &rng{rand.New(rand.NewPCG(g.seed, uint64(i)*0x9e3779b97f4a7c15+1))}
	now := g.now
	c := &g.cultures[r.weighted(g.cultureW)]
	female := r.pct(50)
	var given, family name
	if female {
		given = r.name(c.female)
		fam := c.familyF
		if fam == nil {
			fam = c.familyM
		}
		family = r.name(fam)
	} else {
		given = r.name(c.male)
		family = r.name(c.familyM)
	}
	// Some people carry a family name from another tradition (mixed
	// families, marriage), among the Latin-script ones.
	if c.nativeShare == 0 && !c.familyFirst && r.pct(15) {
		if o := &g.cultures[r.weighted(g.cultureW)]; o.nativeShare == 0 && !o.familyFirst {
			fam := o.familyM
			if female && o.familyF != nil {
				fam = o.familyF
			}
			family = r.name(fam)
		}
	}
	f := store.Friend{}
	switch {
	case c.nativeShare > 0 && r.pct(c.nativeShare):
		if c.familyFirst {
			f.Name = family.display + c.joinNative + given.display
		} else {
			f.Name = given.display + " " + family.display
		}
	case c.nativeShare > 0:
		f.Name = given.latin + " " + family.latin
	default:
		first := given.display
		if c.secondGiven > 0 && r.pct(c.secondGiven) {
			list := c.male
			if female {
				list = c.female
			}
			if second := r.name(list); second.display != given.display {
				first += c.givenJoin + second.display
			}
		}
		if c.middle > 0 && r.pct(c.middle) {
			first += " " + string(rune('A'+r.IntN(26))) + "."
		}
		f.Name = first + " " + family.display
		if c.secondFamily > 0 && r.pct(c.secondFamily) {
			fam := c.familyM
			if female && c.familyF != nil {
				fam = c.familyF
			}
			if second := r.name(fam); second.display != family.display {
				f.Name += " " + second.display
			}
		}
	}
	if given.nick != "" && r.pct(35) {
		f.Nickname = given.nick
	}
	poss, obj := "his", "him"
	if female {
		poss, obj = "her", "her"
	}

	// Work.
	rareIdx := slices.Index(g.rareAt, i)
	var sec *sector
	if rareIdx >= 0 {
		sec = &g.rare[rareIdx]
	} else {
		sec = &g.sectors[r.weighted(g.sectorW)]
	}
	f.Sectors = []string{sec.tag}
	if len(sec.related) > 0 && r.pct(30) {
		f.Sectors = append(f.Sectors, sec.related[r.IntN(len(sec.related))])
	}
	if r.pct(94) {
		f.Org = sec.orgs[r.IntN(len(sec.orgs))]
	}
	f.Role = sec.roles[r.IntN(len(sec.roles))]
	city := c.cities[r.IntN(len(c.cities))]

	// Closeness, skewed towards acquaintances.
	f.Closeness = 1 + r.weighted([]int{20, 30, 28, 15, 7})

	// Contact details.
	orgDomain := domainOf(f.Org)
	local := given.ascii + "." + family.ascii
	switch r.IntN(4) {
	case 0:
		local = given.ascii[:1] + family.ascii
	case 1:
		local = given.ascii + family.ascii + r.digits(2)
	}
	if r.pct(85) {
		f.Emails = append(f.Emails, local+"@"+c.mailHosts[r.IntN(len(c.mailHosts))])
	}
	if orgDomain != "" && (len(f.Emails) == 0 || r.pct(35)) {
		f.Emails = append(f.Emails, given.ascii+"."+family.ascii+"@"+orgDomain)
	}
	if r.pct(75) {
		f.Phones = append(f.Phones, c.phone(r))
	}
	if r.pct(30) {
		f.URLs = append(f.URLs, "https://www.linkedin.com/in/"+given.ascii+"-"+family.ascii+"-"+r.digits(4))
	}
	if r.pct(4) {
		f.URLs = append(f.URLs, "https://"+given.ascii+family.ascii+".dev")
	}
	if r.pct(60) {
		f.Channel = c.channels[r.weighted(channelWeights(len(c.channels)))]
	}

	// Worked together: where and when.
	if r.pct(22) {
		f.WorkedTogether = true
		to := now.Year() - r.IntN(8)
		from := to - 1 - r.IntN(4)
		where := f.Org
		if where == "" || r.pct(40) {
			other := &g.sectors[r.weighted(g.sectorW)]
			where = other.orgs[r.IntN(len(other.orgs))]
		}
		proj := g.projects
		if to == now.Year() && where == f.Org {
			f.WorkedNote = fmt.Sprintf("At %s since %d, on %s", where, from, proj[r.IntN(len(proj))])
		} else {
			f.WorkedNote = fmt.Sprintf("At %s, %d–%d, on %s", where, from, to, proj[r.IntN(len(proj))])
		}
	}

	// Boundaries.
	if r.pct(9) {
		bn := g.boundaries
		b := bn[r.weighted([]int{40, 20, 15, 15, 5, 5})]
		note := b.notes[r.IntN(len(b.notes))]
		note = format(note, poss)
		f.Boundaries = append(f.Boundaries, store.Boundary{Kind: store.Kind(b.kind), Note: note})
		if b.kind != "recommendation" && r.pct(15) {
			f.Boundaries = append(f.Boundaries, store.Boundary{Kind: store.KindRecommendation})
		}
	}

	// Busy seasons.
	if len(sec.busy) > 0 && r.pct(sec.busyPct) {
		mr, _ := store.ParseMonthRange(sec.busy[r.IntN(len(sec.busy))])
		f.Busy = append(f.Busy, mr)
	} else if r.pct(4) {
		m := time.Month(1 + r.IntN(12))
		f.Busy = append(f.Busy, store.MonthRange{From: m, To: time.Month((int(m)+r.IntN(2))%12 + 1)})
	}

	// Notes.
	if r.pct(45) {
		nt, ev := g.notes, g.events
		other := &g.sectors[r.weighted(g.sectorW)]
		f.Notes = format(nt[r.IntN(len(nt))], ev[r.IntN(len(ev))], now.Year()-1-r.IntN(12), city, sec.tag, other.tag)
	}
	if r.pct(1) {
		f.Archived = true
	}

	// Half the sole contacts were asked within the cool-down: asking them
	// again is the case where a draft must acknowledge the frequency.
	asks := g.asks(r, &f, sec, rareIdx >= 0 && rareIdx%2 == 0)
	favors := g.favors(r, &f, asks, poss, obj)

	// Created before anything happened with them; updated since.
	first := now.Add(-2 * year)
	for _, a := range asks {
		if a.Created.Before(first) {
			first = a.Created
		}
	}
	for _, v := range favors {
		if v.At.Before(first) {
			first = v.At
		}
	}
	f.Created = r.between(first.Add(-3*year), first.Add(-day))
	f.Updated = f.Created
	if r.pct(40) {
		f.Updated = r.between(f.Created, now)
	}
	return f, asks, favors
}

func channelWeights(n int) []int {
	w := make([]int, n)
	for i := range w {
		w[i] = 2 * (n - i)
	}
	return w
}

// domainOf turns an organisation into a plausible e-mail domain.
func domainOf(org string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(org) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == 'ä' || c == 'à' || c == 'á':
			b.WriteByte('a')
		case c == 'ü' || c == 'ù' || c == 'ú':
			b.WriteByte('u')
		case c == 'ö' || c == 'ò' || c == 'ó':
			b.WriteByte('o')
		case c == 'é' || c == 'è':
			b.WriteByte('e')
		case c == 'í':
			b.WriteByte('i')
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + ".example"
}
