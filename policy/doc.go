// Package policy holds kith's etiquette as pure rules: scoring a friend
// before a request, ranking who else to ask, drafting a request and
// checking a draft, and what is due. It does no I/O and reads no clock:
// callers pass now.
//
// # Verdicts
//
// Evaluate applies these rules; its reasons are sorted the most serious
// first (block, hold, caution), each with the level it brings (a
// verdict's level is its most serious reason's). Codes are stable:
//
//	boundary        block    the friend's boundary covers the request (its note quoted)
//	truth           block    a reference or recommendation from someone you never worked with
//	moment          hold     a leave or an illness until its end, a new baby's first two weeks,
//	                         a loss's first month; caution while any other moment is recent
//	pending         hold     an ask still "sent" for less than PendingWindow (30 days);
//	                caution  after that ("record what happened")
//	cooldown        hold     the last ask that reached them is less than Settings.CooldownDays
//	                         old (exactly 14 days old is clear; 0 days turns it off)
//	acknowledge     caution  the cool-down, when Request.Sole: the only one you know there
//	boundary-scope  caution  a boundary of the kind whose scope kith cannot judge for this
//	                         request (a scope in words, or a target the request does not name)
//	boundary-guess  caution  a boundary that is your own guess covers the request
//	frequency       caution  too much asked lately for the closeness (see below)
//	unresponsive    caution  UnansweredLimit (2) or more asks in ResponsiveWindow (a year)
//	                         unanswered or withdrawn after sent, more than they helped with
//	reciprocity     caution  the ledger's balance reaches ReciprocityLimit (4)
//	circle          caution  CircleLimit (3) or more asks to members of one of their circles
//	                         within CircleWindow (30 days)
//	busy            caution  now is inside one of their busy seasons (Verdict.Season names it)
//
// What counts. An ask counts once it reached the friend (store.Ask.Reached):
// sent or answered, or withdrawn after it was sent, since they received
// it. Drafts and asks withdrawn before sending never count.
//
// Frequency. An ask weighs KindWeight (a referral or reference 3, an intro
// or recommendation 2, a review 1.5, a chat, advice or other 1) and its
// weight halves every FrequencyHalfLife (30 days): the load. The caution
// comes when the load is at least FrequencyFloor (0.5, a chat about a
// month ago: below it nothing was asked lately, however heavy the
// request) and the load plus the request's weight exceeds Capacity (2 +
// closeness: 3 for an acquaintance, one referral at a time, 7 for a close
// friend); or when the asks in FrequencyWindow (60 days), the one being
// considered included, exceed AsksPerWindow (2 + closeness/2: 2 for an
// acquaintance, 3 for a friend, 4 for a close one). Six chats in six days
// to a friend, or a fifth intro in 60 days to a close friend, are flagged.
//
// The ledger. Asks and favors halve every LedgerHalfLife (90 days, a
// season). An ask weighs KindWeight × OutcomeWeight: helped 1, still
// waiting 0.5 (it may yet be help), declined, unanswered or withdrawn 0.25
// (it gave you nothing; reading and answering cost them a moment). A favor
// weighs FavorWeightOf its size. The sizes are a scale of what the favor
// gave them, chosen so that one favor of a size offsets about one ask of
// the matching weight: small 0.5 (a gesture: liking or sharing a post,
// sending an article; it cannot undo a referral), medium FavorWeight = 2
// (an hour or so: an intro, a CV read, a coffee to advise them; a favor
// logged without a size is medium, as all were before sizes), large 4 (a
// day or more, or one that changed things: a hire, help moving). The
// verdict's Ledger gives the weights (asked, given, balance) and its
// Track what became of every ask that reached them.
//
// Boundaries with a scope (policy/boundary.go). A boundary covers a kind,
// optionally narrowed: Exec (only a request whose Target.Role reads as an
// executive's: IsExecutive's words, CEO … VP, chief, head, director,
// founder, partner, president, chair, board, and their Italian words),
// OwnOrg (only a request whose Org is the friend's organisation, compared
// as store.OrgKey compares them), Until (the last day it holds), If (a
// scope in words) and Guess (your guess, not their words). A boundary
// whose scope matches the request blocks it (a guess cautions:
// boundary-guess); one whose scope the request does not match is silent;
// one kith cannot judge (If, or Exec without a target role, or OwnOrg
// without an organisation) gives the boundary-scope caution quoting it:
// never a silent clear.
//
// Moments (policy/moments.go). A dated moment speaks while it is recent
// or current, for how long by kind (momentRules): promoted and new job 60
// days (congratulate them first), baby 90 days (holding the first two
// weeks), wedding, moved and other 30 days, loss 90 days (holding the
// first 30), leave and illness from their start to their Until (holding
// throughout), or 90 and 30 days when the end is not known. One that
// holds sets Verdict.Until to when it lifts. SuggestMoments offers the
// words in a friend's notes that suggest an unrecorded moment.
//
// The score is 100 minus penalties (up to 50 for the load against
// capacity; 30 for a fresh pending ask or 10 for a stale one; up to 30 for
// the part of the cool-down still to run; 30 for a moment that holds, 10
// for one that cautions; 15 each for acknowledge, a boundary-scope or
// -guess, unresponsive, reciprocity and busy; 10 for circle), mapped into
// the level's band: clear 70-100, caution 40-69, hold 10-39, block 0. A
// score therefore always sorts with its level.
//
// # Who else
//
// Rank scores every active friend who fits a request (an organisation's
// own card, store.Friend.IsPerson false, is never ranked) by relevance
// (0-100, capped): at the targeted organisation RelevanceOrg (60); in the targeted
// sector RelevanceSector (50) when it is their first, primary sector, or
// RelevanceSecondary (35) when it is another; in the targeted circle
// RelevanceCircle (40); per keyword, matched as a whole word (an "s"
// plural allowed: "ai" does not match "retail", "rocket" matches
// "rockets"), RelevanceKeyOrg (20) in the organisation or a sector,
// RelevanceKeyRole (15) in the role, RelevanceKeyNotes (10) in the notes.
//
// The rows come in bands: clear with a score from ReadyScore (90), where
// every friend counts as equally ready (a clear friend scores 85-100, and
// an ask months ago must not put acquaintances above close colleagues);
// clear below it; caution; then held, then blocked (left out with
// ReadyOnly). Within a band: relevance, then how recently you worked
// together (the last year the worked-together note names, WorkedUntil, or
// this year for a note that says it goes on, "since 2023": a reference
// ranks by it), then responsiveness (0 unresponsive, 2 nothing
// answered yet, up to 4 for one who always helped), closeness, how many
// times they helped, the score, and the one asked longest ago (never
// asked first), then pool order.
//
// The only one you know there (Request.Sole, SoleContact, Places) counts
// the friends in the targeted organisation, else sector, who can be asked
// for the kind: one whose boundary rules out the whole kind (no scope, no
// end, not a guess), or who cannot vouch for you (truth), does not count.
// The circle load (Request.CircleAsks) is counted by Rank itself and by
// Places.CountCircleAsks for a single verdict.
//
// Each row carries its Fit, the facts of why it is there (--json's
// fields), and Fit.Words says them: "at Paywise · fintech · close friend ·
// worked together (Paywise 2020-22) · helped 3 of 3 · last asked 5 months
// ago".
//
// # Nudges
//
// Due gives, per friend: a follow-up from FollowUpAfter (7 days) after a
// sent ask (or from its own follow-up date); from NoResponseAfter (30
// days, PendingWindow: when the verdict stops holding for the ask) after
// it was sent, or after its own follow-up date if later, the nudge becomes
// NudgeNoResponse, "mark it no-response?": following up has had its time.
// A thank-you within ThankWithin (30 days) of help; a help-back when they
// helped within HelpBackWindow (90 days) and you logged no favor in it;
// and a reason to get in touch, not to ask, when a friend's birthday or
// anniversary is at most OccasionNotice (7) days away, from a week before
// to the day itself (a birthday on 29 February falls on the 28th in a
// common year; archived friends and organisations have none due). Dates
// off the current year carry the year.
//
// # Drafts, checks
//
// Draft writes a request
// from text/template files embedded under templates/ (English and
// Italian; the user may override any file), which LoadTemplates reads and
// parses once: in the friend's language (DraftLang), greeting them by the
// name they use (FirstName), with the kind's own details (Details; Vague
// says what is missing), and, when the judgement calls for it (AckDue: a
// forced cool-down, a sole contact, frequency; not an unanswered ask
// alone), an acknowledgement written from the history (Ack: what was
// asked and when, how often, whether they helped). DraftStage writes the
// rest of an ask's life: a follow-up, a thank-you, closing the loop
// (NextStage says which is due). Check reports which rules a draft,
// possibly rewritten by hand, still misses, reading its structure (the
// first sentence, the questions block, the paragraph after "paste"); its
// precision and recall per rule are measured on the hand-written corpus
// in testdata/corpus (TestCheckCorpus).
package policy
