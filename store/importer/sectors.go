package importer

import (
	"strings"

	"kith/store"
)

// This file decides which labels of an address book (vCard CATEGORIES,
// Google Contacts labels) are sectors: the others are social circles.

// builtinSectors are the industries kith knows as sectors whatever the
// database holds: a label naming one becomes a sector on import.
var builtinSectors = []string{
	"academia", "accounting", "advertising", "aerospace", "agriculture", "architecture", "automotive",
	"banking", "biotech", "chemicals", "construction", "consulting", "cybersecurity", "defense",
	"design", "e-commerce", "education", "energy", "engineering", "entertainment", "fashion",
	"finance", "fintech", "food", "gaming", "government", "healthcare", "hospitality", "hr",
	"insurance", "investment", "journalism", "law", "legal", "logistics", "manufacturing",
	"marketing", "media", "mining", "nonprofit", "pharma", "publishing", "real estate",
	"recruiting", "research", "retail", "robotics", "saas", "sales", "semiconductors", "software",
	"sports", "telecom", "tourism", "transport", "utilities", "venture capital",
}

// knownSectors is the set of sectors a label may become: the built-in
// industries and every sector a friend in the database already has
// (lower-cased).
func knownSectors(existing []store.Friend) map[string]bool {
	known := make(map[string]bool, len(builtinSectors)+64)
	for _, s := range builtinSectors {
		known[s] = true
	}
	for i := range existing {
		for _, s := range existing[i].Sectors {
			known[strings.ToLower(s)] = true
		}
	}
	return known
}

// labelsAreGroups reports whether the format's labels (read into
// Friend.Sectors by its parser) are an address book's groups, to be
// sorted into sectors and circles, rather than kith's own sectors (its
// JSON and CSV).
func labelsAreGroups(format string) bool { return format == "vcard" || format == "google" }

// sortLabels moves the labels of f that are not known sectors from its
// sectors to its circles.
func sortLabels(f *store.Friend, known map[string]bool) {
	var sectors []string
	for _, l := range f.Sectors {
		if known[strings.ToLower(strings.TrimSpace(l))] {
			sectors = append(sectors, l)
		} else {
			f.Circles = append(f.Circles, l)
		}
	}
	f.Sectors = sectors
}
