#!/usr/bin/env bash
# Regenerates the golden ISO images of testdata/golden and their expected listings.
#
#   testdata/golden/make-golden.sh [OUTDIR]     (default: the directory of this script)
#
# Needs xorriso, genisoimage, isoinfo and /usr/bin/python3 with pycdlib (Debian: xorriso genisoimage
# python3-pycdlib). Each image is made by its producer from one small tree built here with fixed
# contents and times; the expected listing and checksums are what xorriso (an independent reader)
# extracts from it, never what discimage reads. The tool versions used are written to VERSIONS.
set -euo pipefail
out=$(cd "${1:-$(dirname "$0")}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LANG=C.UTF-8 SOURCE_DATE_EPOCH=1700000000

tree=$work/tree
mkdir -p "$tree/docs/sub" "$tree/deep/d2/d3/d4/d5/d6/d7/d8/d9" "$tree/empty-dir"
printf 'hello, golden world\n' > "$tree/readme.txt"
for i in $(seq 1 400); do printf 'line %04d of a text that zisofs compresses well\n' "$i"; done > "$tree/docs/compressible.txt"
printf 'x' > "$tree/docs/one-byte"
: > "$tree/docs/empty.txt"
printf 'deep\n' > "$tree/deep/d2/d3/d4/d5/d6/d7/d8/d9/bottom.txt"
printf 'caf\xc3\xa9\n' > "$tree/docs/sub/café crème.txt"
printf '%s\n' "a name of ninety characters" > "$tree/docs/$(printf 'n%.0s' $(seq 1 86)).txt"
ln -s ../readme.txt "$tree/docs/link-to-readme"
ln -s "/$(printf 'c%.0s' $(seq 1 210))/target" "$tree/docs/long-link"
chmod 0600 "$tree/docs/one-byte"
chmod 0750 "$tree/docs/sub"
find "$tree" -exec touch -h -d @1600000000 {} +

make() { # NAME COMMAND...
    local name=$1; shift
    "$@" >/dev/null 2>&1
    listing "$name"
    gzip -9 -n -f "$out/$name.iso"
}
listing() { # NAME: xorriso's view of the image, for the tests to compare with
    local iso=$out/$1.iso
    xorriso -indev "$iso" -find / -exec lsdl 2>/dev/null | sed -n "s/^\([-dlbcps]\)/\1/p" > "$out/$1.lsdl.txt"
    rm -rf "$work/x"
    xorriso -osirrox on -indev "$iso" -extract / "$work/x" >/dev/null 2>&1
    (cd "$work/x" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$out/$1.sha256.txt"
}

make xorriso-rr-joliet xorriso -as mkisofs -R -J -V XORRISO_GOLDEN -o "$out/xorriso-rr-joliet.iso" "$tree"
make genisoimage-rr-joliet genisoimage -R -J -V GENISO_GOLDEN -o "$out/genisoimage-rr-joliet.iso" "$tree"
make xorriso-zisofs xorriso -outdev "$out/xorriso-zisofs.iso" -volid ZISOFS_GOLDEN -zisofs level=9 \
    -map "$tree" / -set_filter_r --zisofs / -- -commit
make pycdlib-rr109 /usr/bin/python3 - "$tree" "$out/pycdlib-rr109.iso" <<'PY'
import io, os, sys, pycdlib
src, dst = sys.argv[1], sys.argv[2]
iso = pycdlib.PyCdlib()
iso.new(interchange_level=1, rock_ridge='1.09', joliet=3, vol_ident='PYCDLIB_GOLDEN')
data = open(os.path.join(src, 'readme.txt'), 'rb').read()
iso.add_directory('/DOCS', rr_name='docs', joliet_path='/docs')
iso.add_fp(io.BytesIO(data), len(data), '/DOCS/README.TXT;1', rr_name='readme.txt', joliet_path='/docs/readme.txt')
big = open(os.path.join(src, 'docs', 'compressible.txt'), 'rb').read()
iso.add_fp(io.BytesIO(big), len(big), '/COMPRESS.TXT;1', rr_name='compressible.txt', joliet_path='/compressible.txt')
iso.add_symlink('/LINK.;1', 'link', 'docs/readme.txt', joliet_path='/link')
iso.write(dst)
iso.close()
PY
{
    xorriso -version 2>/dev/null | head -1
    genisoimage -version 2>&1 | head -1
    /usr/bin/python3 -c 'import pycdlib, sys; print("pycdlib", getattr(pycdlib, "__version__", "(no version attribute)"), "python", sys.version.split()[0])'
} > "$out/VERSIONS"
