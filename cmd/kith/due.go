package main

import (
	"fmt"

	"kith/policy"
)

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
	t := newTable("WHAT", "FRIEND", "ASK", "SINCE", "")
	for _, nu := range nudges {
		ask := "-"
		if nu.AskID != 0 {
			ask = fmt.Sprint(nu.AskID)
		}
		t.add(string(nu.Kind), nu.Friend, ask, nu.Since.Local().Format("2006-01-02"), nu.Message)
	}
	return t.write(e.out, []int{0, 24, 0, 0, 0})
}
