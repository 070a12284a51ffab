#!/usr/bin/env bash
# Regenerates testdata/sample-tree deterministically (same bytes on every run and machine).
# Usage: testdata/make-sample-tree.sh [TARGET_DIR]   (default: the sample-tree next to this script)
# Needs bash, coreutils and python3 (any 3.x: content comes from SHA-256 in counter mode, not from
# a version-dependent PRNG).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/sample-tree}"
rm -rf "$out"
mkdir -p "$out"
cd "$out"

# text FILE LINES PREFIX: LINES numbered lines of readable text
text() {
    python3 - "$1" "$2" "$3" <<'EOF'
import sys
path, lines, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w", encoding="utf-8", newline="\n") as f:
    for i in range(1, lines + 1):
        f.write(f"{prefix} line {i:06d}: the quick brown fox jumps over the lazy dog\n")
EOF
}

# prng FILE BYTES SEED: pseudo-random bytes, SHA-256(seed || counter) blocks
prng() {
    python3 - "$1" "$2" "$3" <<'EOF'
import hashlib, sys
path, size, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
with open(path, "wb") as f:
    n = 0
    counter = 0
    while n < size:
        block = hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        block = block[: size - n]
        f.write(block)
        n += len(block)
        counter += 1
EOF
}

printf 'discimage sample tree: a small tree with every kind of entry an image must carry.\n' > README.txt
: > empty.txt
printf 'no extension\n' > Makefile
printf 'a dot file\n' > .hidden
printf 'two dots\n' > archive.tar.gz

mkdir -p docs
text docs/notes.txt 40 notes
printf 'accents: café crème brûlée\n' > 'docs/Café crème brûlée.txt'
printf 'CJK: 日本語のファイル\n' > 'docs/日本語のファイル名.txt'
printf 'emoji outside the BMP (surrogate pairs in UTF-16)\n' > 'docs/party 🎉 emoji.txt'
printf 'Ελληνικά and Кириллица\n' > 'docs/Ελληνικά-Кириллица.txt'
# a 126-character name: longer than Joliet's 64, shorter than Rock Ridge's 255
long="this-is-a-rather-long-file-name-that-no-8.3-or-joliet-tree-can-hold-without-shortening-it-but-rock-ridge-keeps-it-whole-ok.txt"
printf 'long name, %d characters\n' "${#long}" > "docs/$long"
mkdir -p 'docs/spaces in dir name'
printf 'in a directory with spaces\n' > 'docs/spaces in dir name/file with spaces.txt'

mkdir -p data
: > data/empty.bin
prng data/random-3MiB.bin 3145728 discimage-sample-tree-seed-1
text data/text-2MB.txt 34000 text   # 34000 lines of 62 bytes = 2,108,000 bytes
prng data/small-4097.bin 4097 discimage-sample-tree-seed-2
prng data/exact-2048.bin 2048 discimage-sample-tree-seed-3

# names that all become LONGFILE.TXT-like under 8.3 (and some under 30 characters too)
mkdir -p collide
for n in longfilename-one.txt longfilename-two.txt longfilename-three.txt longfilename.txt.bak \
         'long file name.txt' long_file_name.txt; do
    printf '%s\n' "$n" > "collide/$n"
done
printf 'same 30-char prefix A\n' > 'collide/abcdefghijklmnopqrstuvwxyz0123-A.dat'
printf 'same 30-char prefix B\n' > 'collide/abcdefghijklmnopqrstuvwxyz0123-B.dat'

# 10 nested levels: deeper than ISO 9660's 8, so Rock Ridge relocates (RR_MOVED + CL/PL/RE)
d=nested
for i in 2 3 4 5 6 7 8 9 10; do
    d="$d/level$i"
done
mkdir -p "$d"
printf 'at the bottom of 10 levels\n' > "$d/bottom.txt"
printf 'at level 4\n' > nested/level2/level3/level4/middle.txt

mkdir -p bin
printf '#!/bin/sh\necho hello from the sample tree\n' > bin/hello.sh
chmod 0755 bin/hello.sh
mkdir -p secret
printf 'the tests chmod this file to 0600 on their copy (git only keeps 0644/0755)\n' > secret/private.key
chmod 0644 secret/private.key

mkdir -p links
ln -s ../README.txt links/to-readme
ln -s ../docs links/to-docs
ln -s 'does-not-exist' links/dangling
ln -s '../docs/Café crème brûlée.txt' links/to-unicode

# git keeps 0644/0755 only: normalise everything else so a fresh run equals a clone
find . -type f ! -name hello.sh -exec chmod 0644 {} +
find . -type d -exec chmod 0755 {} +
echo "sample tree written to $out: $(find . -type f | wc -l) files, $(find . -type l | wc -l) links," \
     "$(find . -mindepth 1 -type d | wc -l) directories, $(du -sb . | cut -f1) bytes"
