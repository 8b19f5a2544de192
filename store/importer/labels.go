package importer

import "strings"

// SystemGroup reports whether label is one of the groups Google puts every
// contact in on its own, not a label the user chose, so that it does not
// become a sector:
//
//   - "My Contacts" in every spelling Google exports it: "myContacts"
//     (Google's "Outlook CSV" Categories and its vCards), "My Contacts",
//     and Android's "System Group: My Contacts";
//   - "starred" (Google's favourites) and Android's "Starred in Android";
//   - Google's "chatBuddies" group, by that id;
//   - any label Google CSV marks as its own with a leading "* "
//     ("* myContacts", "* starred", "* friends") and any Android
//     "System Group: …".
//
// "Friends", "Family" and "Coworkers" were system groups of Google's
// retired Contacts API too, but Google Contacts has long shown them, and
// lets people use them, as ordinary labels, and a user who put someone
// in "Family" meant it: unmarked, they are kept.
func SystemGroup(label string) bool {
	l := strings.TrimSpace(label)
	if strings.HasPrefix(l, "* ") || l == "*" {
		return true
	}
	switch l {
	case "myContacts", "starred", "chatBuddies":
		return true
	}
	l = strings.ToLower(l)
	if strings.HasPrefix(l, "system group:") {
		return true
	}
	switch l {
	case "my contacts", "mycontacts", "starred in android":
		return true
	}
	return false
}
