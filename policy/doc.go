// Package policy holds kith's etiquette as pure rules: scoring a friend
// before a request, ranking who else to ask, drafting a request and
// checking a draft, and what is due. It does no I/O and reads no clock:
// callers pass now.
//
// # Verdicts
//
// Evaluate applies these rules, reported in this order (the most serious
// first), each reason with the level it brings (a verdict's level is its
// most serious reason's; Levels lists them in order):
//
//	boundary     block    the friend's own boundary covers the kind
//	truth        block    a reference or recommendation from someone you never worked with
//	pending      hold     an ask still "sent" for less than PendingWindow (30 days);
//	             caution  after that ("record what happened")
//	cooldown     hold     the last ask made is less than Settings.CooldownDays old
//	                      (exactly 14 days old is clear; 0 days turns it off)
//	acknowledge  caution  the cool-down, when Request.Sole: the only one you know there
//	frequency    caution  decayed ask weight plus this request's > Capacity(closeness)
//	reciprocity  caution  decayed asks minus FavorWeight × decayed favors ≥ ReciprocityLimit
//	busy         caution  now is inside one of the friend's busy seasons
//
// Drafts and withdrawn asks never count. An ask weighs KindWeight (a
// referral or reference 3, an intro or recommendation 2, a review 1.5, a
// chat, advice or other 1) and its weight halves every FrequencyHalfLife
// (30 days) for the frequency rule and every LedgerHalfLife (90 days) for
// the reciprocity ledger, where a favor you did counts FavorWeight (2).
// Capacity is 2 + closeness: 3 for an acquaintance (one referral at a
// time), 7 for a close friend. The verdict's Ledger gives the reciprocity
// ledger as it was weighed (asked, given, balance), for screens to show.
//
// The score is 100 minus penalties (up to 50 for the decayed load against
// capacity, 30 for a fresh pending ask or 10 for a stale one, up to 30 for
// the part of the cool-down still to run, 15 each for acknowledge,
// reciprocity and busy), mapped into the level's band: clear 70-100,
// caution 40-69, hold 10-39, block 0. A score therefore always sorts with
// its level.
//
// # Who else, drafts, checks
//
// Rank scores every friend who fits a request (relevance: 60 for the
// targeted organisation, compared as store.OrgKey compares them, 50 for
// the sector, and per keyword 20 in the organisation or a sector, 15 in
// the role, 10 in the notes; capped at 100) and sorts ready friends
// first, then held, then blocked; an organisation's own card
// (store.Friend.IsPerson false) is never ranked. Draft writes a request
// from text/template files embedded under templates/ (English and
// Italian; the user may override any file), which LoadTemplates reads and
// parses once, and Check reports which rules a draft, possibly rewritten
// by hand, still misses.
//
// # Due
//
// Due lists what to do now for the friendships to stay even (kith due and
// the TUI's due list): follow up on an ask sent FollowUpAfter (7 days) ago
// with nothing recorded (or on its own follow-up date); thank a friend who
// helped, for ThankWithin (30 days); help back a friend who helped within
// HelpBackWindow (90 days) when you logged no favor for them in it; and get
// in touch, not to ask, when a friend's birthday or anniversary is at most
// OccasionNotice (7) days away, from a week before to the day itself (a
// birthday on 29 February falls on the 28th in a common year). Archived
// friends and organisations have no birthdays or anniversaries due.
package policy
