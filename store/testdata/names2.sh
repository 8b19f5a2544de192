#!/bin/sh
# Builds names2.db and names2.json with a kith binary of schema version 2
# (main at 5d3d605, before the "Fast at any size" indexes): a small demo
# network plus friends whose names sort differently by byte and by
# collation, an archived one, asks of every status, outcomes, a thank-you
# and favors. Run once; the files are committed and never rewritten.
#
# usage: names2.sh KITH_BINARY OUT_DIR
set -eu
k=$1
out=$2
db=$out/names2.db
rm -f "$db"
kith() { "$k" --db "$db" "$@"; }
kith demo --friends 12 --seed 7
kith add "Andrii Kovalenko" --org "Moneta Labs" --sector fintech --closeness 4 --email andrii@moneta.example
kith add "André Silva" --org "Moneta Labs Inc." --sector fintech --sector software --worked-note "Moneta, 2019-2021"
kith add "andrea rossi" --org Avio --sector aerospace --boundary referral:"not at Avio" --busy Mar-Apr
kith add "Zoë Ångström" --nickname Zo --sector design --closeness 2
kith add "Émile Zola" --org "Lycée Jean Moulin" --sector education
kith edit "Émile Zola" --archived
kith ask "Andrii" --kind intro --sector fintech --org "Moneta Labs" --topic "payments team" --at 2026-09-01
kith ask "Andrii" --kind chat --status helped --at 2026-08-01 --outcome "an hour on the phone"
kith ask "André" --kind reference --status declined --at 2026-07-15
kith ask "André" --kind referral --status draft --at 2026-10-01
kith ask "andrea" --kind advice --status no-response --at 2026-06-01
kith ask "Zoë" --kind review --status withdrawn --at 2026-05-01
kith ask "Zoë" --kind chat --at 2026-04-01
id=$(kith show "Zoë" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["asks"][0]["id"])')
kith outcome "$id" --status helped --at 2026-04-10
kith outcome "$id" --thanked --at 2026-04-11
id=$(kith show "Zoë" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["asks"][1]["id"])')
kith outcome "$id" --status sent --at 2026-05-02
kith outcome "$id" --status withdrawn --at 2026-05-20
kith favor "Andrii" "introduced him to a designer" --at 2026-08-15
kith favor "André" "reviewed his talk" --at 2026-03-01
kith profile --name "Sam Doe" --blurb "I build payment systems." --cooldown-days 21
kith export -o "$out/names2.json"
