package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"kith/store"
	"kith/store/formats"
	"kith/store/vcard"
)

// command is one verb of the CLI: how it is called, what it accepts and
// the body it runs. The table of them (commands) is the whole CLI: help,
// completion, the man page and the README check come from it.
type command struct {
	name    string
	args    []string // the positional arguments, each required, in order
	usage   string   // what the usage line shows after them ("--kind KIND")
	group   string   // the heading help lists it under
	summary string   // one line, for the list of commands
	long    string   // the help's description, when it says more than summary
	argHint string   // what to say when the arguments are wrong
	// argsOptional lets the positional arguments be left out as a whole
	// (kith draft --follow-up ASK names no friend).
	argsOptional bool
	// flags declares the verb's flags on f and returns its body, which
	// reads the parsed values.
	flags func(f flagSet) runFunc
}

// runFunc is a verb's body: it runs with the store open and the
// positional arguments checked.
type runFunc func(e *env, args []string) error

// The headings of kith --help.
const (
	groupFriends = "friends"
	groupAsks    = "asks"
	groupData    = "your data"
	groupMore    = "more"
)

// flagSet is where a verb declares its flags: pflag's set, and the values
// the shell completes for a flag.
type flagSet struct {
	*pflag.FlagSet
	cmd *cobra.Command
}

// values makes the shell complete flag name with one of values.
func (f flagSet) values(name string, values ...string) {
	// Registering fails only for an undeclared or twice-registered flag:
	// a mistake in the table, which TestEveryChoiceFlagCompletes catches.
	_ = f.cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// Flag values the verbs share.
type (
	demoFlags struct {
		friends int
		seed    int64
		force   bool
	}
	editFlags struct {
		friendFlags
		archived bool
	}
	listFlags struct {
		json, archived bool
		sector         string
	}
	askFlags struct {
		kind, at, status, topic, sector, org, outcome string
		targetPerson, targetRole                      string
	}
	outcomeFlags struct {
		status, note, at string
		thanked          bool
	}
	whoFlags struct {
		requestFlags
		limit           int
		readyOnly, json bool
		exclude         string
	}
	draftFlags struct {
		requestFlags
		whom, why, job, link, doc, decision string
		followUp, thankYou, closeLoop       uint64
		force, json                         bool
	}
	lintFlags struct {
		kind, friend, lang string
		json               bool
	}
	profileFlags struct {
		name, blurb, blurbEn, blurbIt, signature, lang, clearQuestions string
		cooldownDays                                                   int
		questions                                                      []string
		json                                                           bool
	}
	exportFlags struct {
		format, version, output string
	}
	importFlags struct {
		format          string
		dryRun, verbose bool
	}
	syncFlags struct {
		version string
		dryRun  bool
	}
)

const atUsage = "when: YYYY-MM-DD or RFC 3339, not after now (default now)"

// commands is the table of verbs, in the order of the README.
func commands() []command {
	return []command{
		{name: "demo", group: groupData, summary: "fill the database with a realistic demo network",
			flags: func(f flagSet) runFunc {
				var o demoFlags
				f.IntVar(&o.friends, "friends", 300, "how many friends, 1 to 1,000,000")
				f.Int64Var(&o.seed, "seed", 1, "random seed: the same seed gives the same network")
				f.BoolVar(&o.force, "force", false, "add to a database that already holds friends")
				return func(e *env, _ []string) error { return cmdDemo(e, &o) }
			}},
		{name: "add", args: []string{"NAME"}, group: groupFriends, summary: "add a friend",
			flags: func(f flagSet) runFunc {
				var o friendFlags
				o.register(f, false)
				return func(e *env, args []string) error { return cmdAdd(e, args[0], &o, f.FlagSet) }
			}},
		{name: "edit", args: []string{"FRIEND"}, group: groupFriends, summary: "change a friend",
			long: "change a friend: the flags of add, plus --name and --archived; a repeatable flag replaces the whole list",
			flags: func(f flagSet) runFunc {
				var o editFlags
				o.register(f, true)
				f.BoolVar(&o.archived, "archived", false, "archive (true) or restore (--archived=false) the friend")
				return func(e *env, args []string) error { return cmdEdit(e, args[0], &o, f.FlagSet) }
			}},
		{name: "list", group: groupFriends, summary: "list friends by name, with the time since your last ask",
			flags: func(f flagSet) runFunc {
				var o listFlags
				f.BoolVar(&o.json, "json", false, "print JSON")
				f.StringVar(&o.sector, "sector", "", "only friends tagged with this sector")
				f.BoolVar(&o.archived, "archived", false, "include archived friends")
				return func(e *env, _ []string) error { return cmdList(e, &o) }
			}},
		{name: "show", args: []string{"FRIEND"}, group: groupFriends, summary: "one friend with their asks, your favors and a verdict",
			flags: func(f flagSet) runFunc {
				var asJSON bool
				f.BoolVar(&asJSON, "json", false, "print JSON")
				return func(e *env, args []string) error { return cmdShow(e, args[0], asJSON) }
			}},
		{name: "ask", args: []string{"FRIEND"}, usage: "--kind KIND", group: groupAsks, summary: "record an ask",
			flags: func(f flagSet) runFunc {
				var o askFlags
				f.StringVar(&o.kind, "kind", "", "what you asked for: "+kindList())
				f.values("kind", kindNames()...)
				f.StringVar(&o.at, "at", "", atUsage)
				f.StringVar(&o.status, "status", string(store.StatusSent), "draft, sent, helped, declined, no-response or withdrawn")
				f.values("status", statusNames()...)
				f.StringVar(&o.topic, "topic", "", "what it was about")
				f.StringVar(&o.sector, "sector", "", "the sector the ask targets")
				f.StringVar(&o.org, "org", "", "the organisation the ask targets")
				f.StringVar(&o.targetRole, "target-role", "", `the role of the person the ask reaches, e.g. "VP of Engineering"`)
				f.StringVar(&o.targetPerson, "target-person", "", "the person the ask reaches")
				f.StringVar(&o.outcome, "outcome", "", "what happened")
				return func(e *env, args []string) error { return cmdAsk(e, args[0], &o) }
			}},
		{name: "favor", args: []string{"FRIEND", "WHAT"}, group: groupFriends, summary: "record a favor you did for a friend",
			argHint: `e.g. kith favor "Ada" "introduced her to a recruiter" (quote names and text with spaces)`,
			flags: func(f flagSet) runFunc {
				var at, size string
				f.StringVar(&at, "at", "", atUsage)
				f.StringVar(&size, "size", "", "how much it gave them: small (a gesture), medium (an hour or so; the default) or large (a day or more)")
				f.values("size", "small", "medium", "large")
				return func(e *env, args []string) error { return cmdFavor(e, args[0], args[1], at, size) }
			}},
		{name: "moment", args: []string{"FRIEND", "MOMENT"}, group: groupFriends, summary: "record a moment in a friend's life the verdict should mind",
			long:    "record a moment in a friend's life: KIND[,at=DATE][,until=DATE][:note], KIND one of " + momentList(),
			argHint: `e.g. kith moment "Maria" promoted,at=2026-11-02 or kith moment "Ana" "leave,until=2027-03-31:parental leave"`,
			flags: func(f flagSet) runFunc {
				return func(e *env, args []string) error { return cmdMoment(e, args[0], args[1]) }
			}},
		{name: "check", args: []string{"FRIEND"}, usage: "--kind KIND", group: groupAsks,
			summary: "the verdict on asking a friend: exit 0 clear or caution, 3 hold, 4 block",
			flags: func(f flagSet) runFunc {
				var o requestFlags
				var asJSON bool
				o.register(f, false, false)
				f.BoolVar(&asJSON, "json", false, "print JSON")
				return func(e *env, args []string) error { return cmdCheck(e, args[0], &o, asJSON) }
			}},
		{name: "who", usage: "--kind KIND", group: groupAsks, summary: "who else can I ask: friends ranked by fit and readiness",
			argHint: "describe the need with --kind, --sector, --org and --keywords",
			flags: func(f flagSet) runFunc {
				var o whoFlags
				o.register(f, false, true)
				f.IntVar(&o.limit, "limit", 20, "show at most this many friends (0: all)")
				f.BoolVar(&o.readyOnly, "ready-only", false, "leave out friends on hold or blocked")
				f.StringVar(&o.exclude, "exclude", "", "leave out this friend (the one you would otherwise ask)")
				f.BoolVar(&o.json, "json", false, "print a JSON array, best first")
				return func(e *env, _ []string) error { return cmdWho(e, &o) }
			}},
		{name: "draft", args: []string{"FRIEND"}, argsOptional: true, usage: "--kind KIND", group: groupAsks,
			long: "draft the request to FRIEND (--kind and the details the kind needs: --whom and --why, --job and --link, --doc, --decision, --topic); " +
				"or, with no FRIEND, the next note of an ask you made: --follow-up ASK (unanswered), --thank-you ASK (they helped) or --close-loop ASK (what came of it). " +
				"Blocked exits 4; on hold exits 3 unless --force",
			summary: "draft the request, or a follow-up, thank-you or closing note for an ask: blocked exits 4; on hold exits 3 unless --force",
			argHint: "name a FRIEND and --kind, or give --follow-up, --thank-you or --close-loop ASK (ids are in kith due and show)",
			flags: func(f flagSet) runFunc {
				var o draftFlags
				o.register(f, true, false)
				f.StringVar(&o.whom, "whom", "", "intro: whom, or which role, you want to meet")
				f.StringVar(&o.why, "why", "", "intro: why you want to meet them")
				f.StringVar(&o.job, "job", "", "referral or reference: the job")
				f.StringVar(&o.link, "link", "", "referral: a link to the job posting")
				f.StringVar(&o.doc, "doc", "", "review: the document (CV, cover letter, portfolio)")
				f.StringVar(&o.decision, "decision", "", "advice: the decision you face")
				f.Uint64Var(&o.followUp, "follow-up", 0, "draft a follow-up to unanswered ask ASK")
				f.Uint64Var(&o.thankYou, "thank-you", 0, "draft a thank-you for ask ASK, once they helped")
				f.Uint64Var(&o.closeLoop, "close-loop", 0, "draft a note telling them what came of ask ASK (an intro, a chat)")
				f.BoolVar(&o.force, "force", false, "draft even though the friend is on hold (the draft acknowledges it)")
				f.BoolVar(&o.json, "json", false, "print JSON")
				return func(e *env, args []string) error { return cmdDraft(e, args, &o) }
			}},
		{name: "lint", args: []string{"FILE"}, usage: "--kind KIND", group: groupAsks,
			summary: "check a draft you wrote yourself against the etiquette: exit 0 when nothing is missing, 5 otherwise",
			long:    "check a draft written in $EDITOR or elsewhere (FILE, or - for standard input) against the etiquette, as kith draft checks its own: print what is missing, exit 0 when nothing is, 5 otherwise",
			flags: func(f flagSet) runFunc {
				var o lintFlags
				f.StringVar(&o.kind, "kind", "", "what the draft asks for: "+kindList())
				f.values("kind", kindNames()...)
				f.StringVar(&o.friend, "friend", "", "the friend it is to: their history says whether it must acknowledge your earlier asks, and their language")
				f.StringVar(&o.lang, "lang", "", "the language of the report: en or it (default: the draft's)")
				f.values("lang", store.LangEnglish, store.LangItalian)
				f.BoolVar(&o.json, "json", false, "print JSON")
				return func(e *env, args []string) error { return cmdLint(e, args[0], &o) }
			}},
		{name: "due", group: groupAsks, summary: "the follow-ups, thank-yous and favors to return",
			flags: func(f flagSet) runFunc {
				var asJSON bool
				f.BoolVar(&asJSON, "json", false, "print JSON")
				return func(e *env, _ []string) error { return cmdDue(e, asJSON) }
			}},
		{name: "outcome", args: []string{"ASK"}, group: groupAsks, summary: "record what became of an ask",
			long:    "record what became of an ask; its id is in 'kith due' and 'kith show'",
			argHint: "'kith due' and 'kith show FRIEND' list the ids",
			flags: func(f flagSet) runFunc {
				var o outcomeFlags
				f.StringVar(&o.status, "status", "", "helped, declined, no-response, withdrawn (or sent, draft)")
				f.values("status", statusNames()...)
				f.StringVar(&o.note, "note", "", "what happened")
				f.BoolVar(&o.thanked, "thanked", false, "you have thanked them (--thanked=false undoes it)")
				f.StringVar(&o.at, "at", "", atUsage)
				return func(e *env, args []string) error { return cmdOutcome(e, args[0], &o, f.FlagSet) }
			}},
		{name: "undo", group: groupAsks, summary: "take back the last outcome, thank-you, mark-as-sent or archive (for an hour)",
			long: "take back the last outcome, thank-you, mark-as-sent or archive, made here or in the TUI within the last hour; undo again to redo it",
			flags: func(flagSet) runFunc {
				return func(e *env, _ []string) error { return cmdUndo(e) }
			}},
		{name: "query", args: []string{"TERM"}, group: groupFriends, summary: "mail addresses for mutt, neomutt or aerc, in mutt's query format",
			long:    "print the e-mail addresses of friends whose name, nickname or address holds TERM (ignoring case and accents) as mutt's query_command reads them: a message line, then address TAB name TAB organisation; no match exits 1",
			argHint: `e.g. kith query ada; in muttrc: set query_command = "kith query %s"`,
			flags: func(flagSet) runFunc {
				return func(e *env, args []string) error { return cmdQuery(e, args[0]) }
			}},
		{name: "profile", group: groupData, summary: "show or set your profile",
			argHint: `quote text with spaces, e.g. --blurb "I am …"`,
			flags: func(f flagSet) runFunc {
				var o profileFlags
				f.StringVar(&o.name, "name", "", "your name")
				f.StringVar(&o.blurb, "blurb", "", "the paste-ready paragraph about you, for introductions: kept as your blurb in the language it is written in (English or Italian), else in your draft language")
				f.StringVar(&o.blurbEn, "blurb-en", "", "your blurb in English")
				f.StringVar(&o.blurbIt, "blurb-it", "", "your blurb in Italian")
				f.StringVar(&o.signature, "signature", "", "how drafts are signed")
				f.StringVar(&o.lang, "lang", "", "draft language: en or it")
				f.values("lang", store.LangEnglish, store.LangItalian)
				f.IntVar(&o.cooldownDays, "cooldown-days", 0, fmt.Sprintf("days to leave a friend alone after an ask, 0-365 (%d at first)", store.DefaultProfile().Settings.CooldownDays))
				f.StringArrayVar(&o.questions, "question", nil, `add a question to bring to a chat or advice, as TOPIC:TEXT (repeatable); TOPIC is a topic, sector, organisation, kind or "default", with @it for an Italian draft's questions (chat@it:…)`)
				f.StringVar(&o.clearQuestions, "clear-questions", "", "remove the questions of this TOPIC")
				f.BoolVar(&o.json, "json", false, "print JSON")
				return func(e *env, _ []string) error { return cmdProfile(e, &o, f.FlagSet) }
			}},
		{name: "export", group: groupData, summary: "export the database: json, vcard or csv",
			long:    "export the database: json (everything, for kith), vcard (contacts, for other address books) or csv (for spreadsheets)",
			argHint: "use -o FILE to name the output",
			flags: func(f flagSet) runFunc {
				var o exportFlags
				f.StringVar(&o.format, "format", "json", "output format: json, vcard or csv")
				f.values("format", "json", "vcard", "csv")
				f.StringVar(&o.version, "vcard-version", vcard.V3, "the vCard version: 3.0 or 4.0")
				f.values("vcard-version", vcard.V3, vcard.V4)
				f.StringVarP(&o.output, "output", "o", "", "write to this FILE instead of standard output; with vcard, a folder (DIR/ or an existing one) gets one .vcf per friend")
				return func(e *env, _ []string) error { return cmdExport(e, &o, f.FlagSet) }
			}},
		{name: "import", args: []string{"PATH"}, group: groupData, summary: "import contacts: vCard, LinkedIn, Google, CSV, kith JSON",
			long: "import contacts: vCard (a file or a folder of .vcf files), LinkedIn Connections.csv, Google Contacts CSV, CSV, or a kith JSON export; PATH - reads standard input",
			flags: func(f flagSet) runFunc {
				var o importFlags
				f.StringVar(&o.format, "format", "", "input format: "+strings.Join(formats.Names(), ", ")+" (default: detected from the content)")
				f.values("format", formats.Names()...)
				f.BoolVar(&o.dryRun, "dry-run", false, "read the file and say what would happen, writing nothing")
				f.BoolVar(&o.verbose, "verbose", false, "list every record added, and every merge, skip and warning however many")
				return func(e *env, args []string) error { return cmdImport(e, args[0], &o) }
			}},
		{name: "sync", args: []string{"DIR"}, group: groupData, summary: "keep kith and a folder of .vcf files (a vdir, as khard and vdirsyncer use) in step both ways",
			long: "keep kith's friends and a vdir in step both ways: new, changed and deleted cards on either side since the last sync, matched by UID and merged field by field; with vdirsyncer, any CardDAV server",
			flags: func(f flagSet) runFunc {
				var o syncFlags
				f.StringVar(&o.version, "vcard-version", vcard.V3, "the vCard version of new cards: 3.0 or 4.0 (a card keeps its own)")
				f.values("vcard-version", vcard.V3, vcard.V4)
				f.BoolVar(&o.dryRun, "dry-run", false, "say what would change on either side, writing nothing")
				return func(e *env, args []string) error { return cmdSync(e, args[0], &o) }
			}},
		{name: "backup", args: []string{"FILE"}, group: groupData, summary: "write a consistent copy of the database, even while kith is in use",
			flags: func(f flagSet) runFunc {
				var force bool
				f.BoolVar(&force, "force", false, "overwrite FILE if it exists")
				return func(e *env, args []string) error { return cmdBackup(e, args[0], force) }
			}},
		{name: "verify", group: groupData, summary: "check the database for damage; --repair saves what can be read",
			long: "check the database whole (pages, every record's checksum, the indexes): exit 0 when sound, 1 with a report naming what is wrong",
			flags: func(f flagSet) runFunc {
				var repair string
				f.StringVar(&repair, "repair", "", "write a new database at OUT from every record that can be read (never in place; OUT must not exist)")
				return func(e *env, _ []string) error { return cmdVerify(e, repair) }
			}},
	}
}

func kindNames() []string {
	var out []string
	for _, k := range store.Kinds() {
		out = append(out, string(k))
	}
	return out
}

// kindList is the kinds for a flag's help: "intro, chat, … or other".
func kindList() string {
	k := kindNames()
	return strings.Join(k[:len(k)-1], ", ") + " or " + k[len(k)-1]
}

func statusNames() []string {
	var out []string
	for _, s := range store.Statuses() {
		out = append(out, string(s))
	}
	return out
}
