package main

import (
	"testing"
)

// kith list's table, byte for byte: the columns and their widths in
// cells (wide characters, cut cells with an ellipsis), an organisation's
// card marked, the last ask made, archived friends only with --archived,
// and --sector compared as SameSector does.
func TestListTableBytes(t *testing.T) {
	db := tempDB(t)
	mustKith(t, db, "import", "../../store/vcard/testdata/companies.vcf")
	mustKith(t, db, "add", "Ada Lovelace", "--org", "Acme", "--sector", "Fintech", "--sector", "tech")
	mustKith(t, db, "add", "林 美玲", "--org", "阿里巴巴", "--sector", "ecommerce", "--nickname", "Mei")
	mustKith(t, db, "add", "Maximilian Alexander von Hohenzollern-Sigmaringen", "--org", "International Business Machines Corporation",
		"--sector", "aerospace", "--sector", "defence", "--sector", "government", "--circle", "university")
	mustKith(t, db, "add", "Émile Zola", "--sector", " fintech ")
	mustKith(t, db, "add", "Dora Ek", "--sector", "tech")
	mustKith(t, db, "edit", "Dora Ek", "--archived")
	mustKith(t, db, "ask", "Ada", "--kind", "chat", "--status", "helped", "--at", "2026-11-20")
	mustKith(t, db, "ask", "Ada", "--kind", "intro", "--at", "2026-11-24")
	mustKith(t, db, "ask", "Émile", "--kind", "advice", "--status", "draft", "--at", "2026-11-24")
	mustKith(t, db, "ask", "Dora", "--kind", "advice", "--at", "2025-02-01")
	// Each want starts with a line break, for the columns to line up
	// here.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list"}, `
ID  NAME                      ORGANISATION          SECTORS             LAST ASK
2   ABC Marketing [org]       ABC, Inc.                                 never
3   Ada Lovelace              Acme                  Fintech,tech        yesterday
1   Analytical Engines AG […  Analytical Engines …                      never
6   Émile Zola                                      fintech             never
5   Maximilian Alexander vo…  International Busin…  aerospace,defence…  never
4   林 美玲                   阿里巴巴              ecommerce           never
`},
		{[]string{"list", "--archived"}, `
ID  NAME                      ORGANISATION          SECTORS             LAST ASK
2   ABC Marketing [org]       ABC, Inc.                                 never
3   Ada Lovelace              Acme                  Fintech,tech        yesterday
1   Analytical Engines AG […  Analytical Engines …                      never
7   Dora Ek                                         tech                22 months ago
6   Émile Zola                                      fintech             never
5   Maximilian Alexander vo…  International Busin…  aerospace,defence…  never
4   林 美玲                   阿里巴巴              ecommerce           never
`},
		{[]string{"list", "--sector", "FINTECH"}, `
ID  NAME          ORGANISATION  SECTORS       LAST ASK
3   Ada Lovelace  Acme          Fintech,tech  yesterday
6   Émile Zola                  fintech       never
`},
		{[]string{"list", "--archived", "--sector", "tech"}, `
ID  NAME          ORGANISATION  SECTORS       LAST ASK
3   Ada Lovelace  Acme          Fintech,tech  yesterday
7   Dora Ek                     tech          22 months ago
`},
		{[]string{"list", "--sector", "nowhere"}, `
no friends yet: add one with 'kith add NAME', or try 'kith demo' on a scratch database (--db)
`},
	} {
		if got := mustKith(t, db, tc.args...); got != tc.want[1:] {
			t.Errorf("kith %v:\n%s\nwant\n%s", tc.args, got, tc.want[1:])
		}
	}
}
