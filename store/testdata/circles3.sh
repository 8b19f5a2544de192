#!/bin/sh
# Builds circles3.db and circles3.json with a kith binary of schema
# version 3 (main at dc64f72, before the circle postings): a small demo
# network plus friends in circles (one archived,
# circles spelled in different cases and with non-ASCII letters)
# with recent asks. Run once; the files are committed and never rewritten.
#
# usage: circles3.sh KITH_BINARY OUT_DIR
set -eu
k=$1
out=$2
db=$out/circles3.db
rm -f "$db"
kith() { "$k" --db "$db" "$@"; }
kith demo --friends 12 --seed 7
kith add "Ada Byron" --org Acme --sector tech --circle university --circle "Climbing Club"
kith add "Bea Conti" --org Avio --sector aerospace --circle University
kith add "Cem Yıldız" --sector design --circle "Über Läufer" --circle climbing\ club
kith add "Dora Ek" --sector tech --circle university
kith edit "Dora Ek" --archived
kith ask "Ada" --kind intro --sector tech --at 2026-11-20
kith ask "Bea" --kind chat --status helped --at 2026-11-25
kith ask "Cem" --kind advice --at 2026-11-28
kith export -o "$out/circles3.json"
