#!/bin/sh
# Builds rows5.db and rows5.json with a kith binary of schema version 5
# (main at e72cfec, before the haystacks in the rows): a small demo
# network plus friends with notes, nicknames, sectors and non-ASCII
# letters (one archived) whose haystacks migration 6 writes.
# Run once; the files are committed and never rewritten.
#
# usage: rows5.sh KITH_BINARY OUT_DIR
set -eu
k=$1
out=$2
db=$out/rows5.db
rm -f "$db"
kith() { "$k" --db "$db" "$@"; }
kith demo --friends 12 --seed 5
kith add "Ada Byron" --org Acme --sector tech --sector "Fin Tech" --note "Met at the Zürich meetup"
kith add "Bea Conti" --nickname Bee --org "Avio S.p.A." --sector aerospace
kith add "Cem Yıldız" --sector design --note "Ünal's friend; ÉCOLE"
kith add "Dora Ek" --sector tech --note "archived one"
kith edit "Dora Ek" --archived
kith export -o "$out/rows5.json"
