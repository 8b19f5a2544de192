// Package policy holds kith's etiquette as pure rules: scoring a friend
// before a request, ranking who else to ask, drafting a request and
// checking a draft. It does no I/O and reads no clock: callers pass now.
package policy
