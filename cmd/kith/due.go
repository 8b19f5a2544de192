package main

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kith/policy"
)

// dueWidth is the width `kith due` keeps to, in terminal cells: the next
// step wraps under its own column rather than run on (a help-back line
// ran to 177 columns).
const dueWidth = 100

func cmdDue(e *env, asJSON bool) error {
	n, err := e.store.Network()
	if err != nil {
		return err
	}
	nudges := policy.Nudges(policy.NetworkPool(n), e.now)
	if asJSON {
		return writeJSON(e.out, nudges)
	}
	if len(nudges) == 0 {
		fmt.Fprintln(e.out, "nothing due")
		return nil
	}
	const friendMax = 24
	head := []string{"WHAT", "FRIEND", "ASK", "SINCE", "NEXT STEP"}
	rows := make([][]string, len(nudges))
	widths := make([]int, len(head)-1)
	for i, h := range head[:len(widths)] {
		widths[i] = cellWidth(h)
	}
	for i, nu := range nudges {
		ask := "-"
		if nu.AskID != 0 {
			ask = fmt.Sprint(nu.AskID)
		}
		rows[i] = []string{string(nu.Kind), printable(nu.Friend), ask, nu.Since.Local().Format("2006-01-02"), printable(nu.Message)}
		for j := range widths {
			widths[j] = max(widths[j], min(cellWidth(rows[i][j]), friendMax))
		}
	}
	left := 0
	for _, w := range widths {
		left += w + 2
	}
	avail := max(dueWidth-left, 30)
	t := newTable(head...)
	for _, r := range rows {
		lines := strings.Split(ansi.Wordwrap(r[4], avail, ""), "\n")
		t.add(append(r[:4:4], lines[0])...)
		for _, l := range lines[1:] {
			t.add("", "", "", "", l)
		}
	}
	return t.write(e.out, []int{0, friendMax, 0, 0, 0})
}
