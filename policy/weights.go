package policy

import (
	"math"
	"time"

	"kith/store"
)

// This file holds what the rules weigh: an ask by its kind and outcome,
// a favor by its size, a friend's capacity by closeness, and the decay of
// it all with time.

// KindWeight is how much a request of kind k asks of a friend: a referral
// or a reference puts their name on the line, a chat costs an hour.
func KindWeight(k store.Kind) float64 { return kindWeight(k.Code()) }

// kindWeight is KindWeight by kind code, as the ask loop reads it: twice
// the weight, indexed by code (0 and codes past other unknown, 1), in
// read-only bytes. A switch's branches, mispredicted on asks of every
// kind, took 45 ms of CPU to weigh 100,000 friends (with the status
// switch of outcomeWeight), the tables 33 (medians of 5 alternating
// runs, load 9).
func kindWeight(k store.KindCode) float64 {
	// unknown, intro 2, chat 1, referral 3, reference 3, recommendation 2,
	// advice 1, review 1.5, other 1, then unknown
	const twice = "\x02\x04\x02\x06\x06\x04\x02\x03\x02\x02\x02\x02\x02\x02\x02\x02"
	return float64(twice[k&15]) * 0.5
}

// OutcomeWeight is the share of an ask's weight the reciprocity ledger
// keeps, by what became of it: help received counts in full; an ask still
// waiting half (it may yet be help); one they declined, left unanswered or
// that you withdrew a quarter (it gave you nothing, but reading and
// answering it cost them a moment). Drafts weigh nothing.
func OutcomeWeight(s store.Status) float64 { return outcomeWeight(s.Code()) }

// outcomeWeight is OutcomeWeight by status code: four times the share,
// indexed by code, as kindWeight reads its table.
func outcomeWeight(s store.StatusCode) float64 {
	// unknown 0, draft 0, sent 0.5, helped 1, declined, no response and
	// withdrawn 0.25, then unknown
	const fourTimes = "\x00\x00\x02\x04\x01\x01\x01\x00"
	return float64(fourTimes[s&7]) * 0.25
}

// FavorWeightOf is how much a favor of size z offsets in the ledger: a
// small one (a gesture) 0.5, a medium one (an hour of your time, and a
// favor logged without a size) FavorWeight, a large one 4.
func FavorWeightOf(z store.FavorSize) float64 {
	switch z {
	case store.FavorSmall:
		return 0.5
	case store.FavorLarge:
		return 4
	}
	return FavorWeight
}

// Capacity is the decayed ask weight a friend of this closeness bears
// without strain, the request being considered included: 3 for an
// acquaintance (one referral), 7 for a close friend.
func Capacity(closeness int) float64 {
	return 2 + float64(clampCloseness(closeness))
}

// AsksPerWindow is how many asks, the one being considered included, a
// friend of this closeness bears within FrequencyWindow: 2 for an
// acquaintance, 3 for a friend, 4 for a close one.
func AsksPerWindow(closeness int) int { return 2 + clampCloseness(closeness)/2 }

func clampCloseness(c int) int { return min(max(c, store.MinCloseness), store.MaxCloseness) }

// ledgerDecay is 2^(-age/LedgerHalfLife), the weight left in the ledger
// of an ask or favor age old.
func ledgerDecay(age time.Duration) float64 {
	if age <= 0 {
		return 1
	}
	const inv = 1 / float64(LedgerHalfLife)
	return exp2neg(float64(age) * inv)
}

// exp2neg is 2^-t for t >= 0 to about six digits. It runs once per ask
// for every friend on a screen, and takes 8 ns where math.Exp2 takes 28
// (BenchmarkDecay): at a million asks, some 15 ms of weighing everyone.
// 2^-t = 2^-k · e^-x for the integer part k of t and x = frac(t)·ln2 <
// 0.7, e^-x from its Taylor series to x^7 (relative error < 3e-6), evaluated by
// Estrin's scheme to keep the multiplications independent.
func exp2neg(t float64) float64 {
	if !(t < 1000) { // also NaN
		return 0
	}
	k := int(t)
	x := (t - float64(k)) * math.Ln2
	x2 := x * x
	x4 := x2 * x2
	p := (1 - x) + x2*(1.0/2-x*(1.0/6)) + x4*((1.0/24-x*(1.0/120))+x2*(1.0/720-x*(1.0/5040)))
	// p is in (0.5, 1] and k < 1000: subtracting k from the exponent
	// bits gives p·2^-k exactly, without math.Ldexp's special cases.
	return math.Float64frombits(math.Float64bits(p) - uint64(k)<<52)
}
