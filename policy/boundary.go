package policy

import (
	"strings"
	"time"

	"kith/store"
)

// This file judges a friend's boundaries against a request: whether a
// boundary's scope (toward executives, at their own organisation, until a
// date, a scope in words) matches it, does not, or cannot be told.

// scopeMatch is what kith can tell of a boundary's scope for a request.
type scopeMatch uint8

const (
	scopeNo      scopeMatch = iota // the request is outside the scope
	scopeYes                       // inside it (or the boundary has none)
	scopeUnknown                   // kith cannot tell
)

// judgeBoundary says whether boundary b covers req for friend f at now.
func judgeBoundary(b *store.Boundary, f *store.Friend, req *Request, now time.Time) scopeMatch {
	if b.Kind != req.Kind || b.Lapsed(now) {
		return scopeNo
	}
	m := scopeYes
	if b.Exec {
		switch {
		case strings.TrimSpace(req.Target.Role) == "":
			m = scopeUnknown
		case !IsExecutive(req.Target.Role):
			return scopeNo
		}
	}
	if b.OwnOrg {
		switch {
		case store.OrgKey(req.Org) == "" || store.OrgKey(f.Org) == "":
			m = scopeUnknown
		case store.OrgKey(req.Org) != store.OrgKey(f.Org):
			return scopeNo
		}
	}
	if b.If != "" {
		m = scopeUnknown
	}
	return m
}

// boundaries sets the boundary flags of a: a boundary that covers the
// request blocks it (or, when it is your guess, brings a caution); one
// whose scope kith cannot judge brings a caution that quotes it.
func (a *assessment) boundaries(f *store.Friend, req *Request, now time.Time) {
	for i := range f.Boundaries {
		b := &f.Boundaries[i]
		switch judgeBoundary(b, f, req, now) {
		case scopeYes:
			if b.Guess {
				if a.guess < 0 {
					a.flags |= flagBoundaryGuess
					a.guess = i
				}
			} else if a.boundary < 0 {
				a.flags |= flagBoundary
				a.boundary = i
			}
		case scopeUnknown:
			if a.scope < 0 {
				a.flags |= flagBoundaryScope
				a.scope = i
			}
		}
	}
}

// blocksKind reports whether f cannot be asked for kind k whatever the
// request's target: a boundary of the kind with no scope, no end and not a
// guess, or a reference or recommendation from someone you never worked
// with. Who counts as "the only one you know there" counts only friends it
// is false for.
func blocksKind(f *store.Friend, k store.Kind) bool {
	if truthKind(k) && !f.WorkedTogether {
		return true
	}
	for i := range f.Boundaries {
		b := &f.Boundaries[i]
		if b.Kind == k && !b.Scoped() && !b.Guess && b.Until.IsZero() {
			return true
		}
	}
	return false
}

// executiveWords are the words of a role that make it an executive's,
// for a boundary "toward executives" (doc.go lists them).
var executiveWords = map[string]bool{
	"ceo": true, "cto": true, "cfo": true, "coo": true, "cio": true, "cmo": true, "cpo": true,
	"cso": true, "chro": true, "cro": true, "cdo": true, "ciso": true, "chief": true,
	"vp": true, "svp": true, "evp": true, "avp": true, "president": true, "vicepresident": true,
	"founder": true, "cofounder": true, "co-founder": true, "partner": true,
	"chairman": true, "chairwoman": true, "chairperson": true, "chair": true, "board": true,
	"director": true, "head": true, "md": true, "gm": true,
	"presidente": true, "vicepresidente": true, "direttore": true, "direttrice": true,
	"dirigente": true, "fondatore": true, "fondatrice": true, "socio": true, "socia": true,
	"amministratore": true, "amministratrice": true,
}

// IsExecutive reports whether role reads as an executive's: it holds one
// of the words doc.go lists ("VP of Engineering", "Chief of Staff",
// "Head of Sales", "Direttore generale"), "vice president" or "v.p.".
func IsExecutive(role string) bool {
	r := strings.ToLower(role)
	r = strings.ReplaceAll(r, "v.p.", "vp")
	r = strings.ReplaceAll(r, "vice president", "vicepresident")
	r = strings.ReplaceAll(r, "vice-president", "vicepresident")
	for _, w := range strings.FieldsFunc(r, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c > 0x7f)
	}) {
		if executiveWords[w] {
			return true
		}
	}
	return false
}

// scopeWords says a boundary's scope in words: "to executives at
// Globex", "at their own organisation", "“people she does not know
// well”", "" for none. org is the friend's organisation.
func scopeWords(b *store.Boundary, org string) string {
	var parts []string
	if b.Exec {
		parts = append(parts, "to executives")
	}
	if b.OwnOrg {
		if org != "" {
			parts = append(parts, "at "+org)
		} else {
			parts = append(parts, "at their own organisation")
		}
	}
	if b.If != "" {
		parts = append(parts, "(\u201c"+b.If+"\u201d)")
	}
	return strings.Join(parts, " ")
}
