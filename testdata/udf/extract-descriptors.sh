#!/usr/bin/env bash
# Regenerates the UDF descriptor fixtures of sdk/src/test/resources/org/discimage/udf/: single
# 2048-byte blocks cut out of images that mkudffs (udftools 2.3) makes, populated by udfclient.
# Usage: testdata/udf/extract-descriptors.sh  (needs mkudffs, udfclient, udfinfo, dd)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../sdk/src/test/resources/org/discimage/udf"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/src/dir"
printf 'hello\n' > "$work/src/a.txt"
printf 'deep\n' > "$work/src/dir/d.txt"
head -c 300000 /dev/zero | tr '\0' 'x' > "$work/src/big.bin"

make() {  # make NAME MEDIA REV: an image with a.txt, dir/d.txt, big.bin and an empty directory
    local img="$work/$1.udf"
    mkudffs -b 2048 --media-type="$2" --udfrev="$3" --uuid=0123456789abcdef --new-file "$img" 20000 >/dev/null
    local vsid
    vsid=$(udfinfo "$img" | sed -n 's/^fullvsid=//p')
    (cd "$work/src" && printf 'cd "%s:LinuxUDF:LinuxUDF:LinuxUDF"\nput a.txt\nmput dir\nput big.bin\nmkdir e\nquit\n' \
        "$vsid" | udfclient -b 2048 -W "$img" >/dev/null 2>&1) || true
}

cut() {  # cut NAME SECTOR FILE
    dd if="$work/$1.udf" of="$out/$3" bs=2048 skip="$2" count=1 status=none
}

make hd hd 2.01
cut hd 96 hd201-pvd.bin
cut hd 97 hd201-lvd.bin
cut hd 98 hd201-pd.bin
cut hd 99 hd201-usd.bin
cut hd 100 hd201-iuvd.bin
cut hd 101 hd201-td.bin
cut hd 128 hd201-lvid.bin
cut hd 256 hd201-avdp.bin
cut hd 259 hd201-fsd.bin
cut hd 261 hd201-efe-root.bin
cut hd 260 hd201-efe-streamdir.bin
make cdrw cdrw 1.50
cut cdrw 97 cdrw150-lvd.bin
cut cdrw 160 cdrw150-sparing.bin
cut cdrw 1376 cdrw150-fe-root.bin
mkudffs -b 2048 --media-type=cdr --udfrev=1.50 --uuid=0123456789abcdef --new-file "$work/cdr150.udf" 20000 >/dev/null
cut cdr150 97 cdr150-lvd.bin
cut cdr150 299 cdr150-fe-vat.bin
mkudffs -b 2048 --media-type=bdr --udfrev=2.50 --uuid=0123456789abcdef --new-file "$work/bdr250.udf" 20000 >/dev/null
cut bdr250 319 bdr250-efe-vat.bin
