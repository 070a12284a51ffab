#!/usr/bin/env bash
# Whole-process comparison of listing a 100,000-entry image: discimage's CLI against xorriso and isoinfo.
#
#   benchmarks/compare-import.sh [--builder cli|xorriso|sdk] [--dirs N] [--files N] [--runs N] [--image FILE] [--keep]
#
# Builds (unless --image names one) an image of N dirs x M files (default 1000 x 99 = 100,000 entries
# below the root; ISO 9660 + Joliet + Rock Ridge) in a temporary directory, checks that every lister
# prints the same number of lines, then times each command with hyperfine (or /usr/bin/time when
# hyperfine is missing) and prints a table. Needs `mvn -q -B package -DskipTests` first (from the
# root: the examples jar must hold this working copy's SDK, not a snapshot some other build installed).
# discimage runs twice: through the launcher script examples/target/discimage (JVM options for a short
# run and the class-data-sharing archive made at package time) and as a bare `java -jar`.
#   cli      a host tree of empty files, imaged with `java -jar examples/target/discimage.jar build`
#   xorriso  the same host tree, imaged with `xorriso -as mkisofs -R -J`
#   sdk      files of 64 zero bytes, written through the SDK by ImportBenchmark's main (no host tree)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/examples/target/discimage.jar
launcher=$root/examples/target/discimage   # the launcher script: C1 only, serial GC, AppCDS archive
benchjar=$root/benchmarks/target/benchmarks.jar
builder=cli dirs=1000 files=99 runs=10 image= keep=
while [ $# -gt 0 ]; do
    case $1 in
        --builder) builder=$2; shift 2 ;;
        --dirs) dirs=$2; shift 2 ;;
        --files) files=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --image) image=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare-import.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -f "$jar" ] && [ -x "$launcher" ] || {
    echo "compare-import.sh: $jar or $launcher missing: run 'mvn -q -B package -DskipTests' first" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/discimage-compare.XXXXXX")
cleanup() { if [ -z "$keep" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi; }
trap cleanup EXIT

host_tree() {   # $1: directory to fill with $dirs directories of $files empty files
    mkdir -p "$1"
    local d f names
    names=()
    for ((f = 0; f < files; f++)); do names+=("$(printf 'file%03d.dat' "$f")"); done
    for ((d = 0; d < dirs; d++)); do
        mkdir "$1/$(printf 'dir%04d' "$d")"
        (cd "$1/$(printf 'dir%04d' "$d")" && touch "${names[@]}")
    done
}

if [ -z "$image" ]; then
    image=$work/tree.iso
    echo "building $dirs x $files entries with $builder ..." >&2
    case $builder in
        cli) host_tree "$work/tree"; SOURCE_DATE_EPOCH=1700000000 java -jar "$jar" build -o "$image" "$work/tree" ;;
        xorriso) host_tree "$work/tree"; xorriso -as mkisofs -R -J -quiet -o "$image" "$work/tree" 2>/dev/null ;;
        sdk) java -cp "$benchjar" org.discimage.benchmarks.ImportBenchmark "$image" "$dirs" "$files" ;;
        *) echo "compare-import.sh: unknown builder $builder" >&2; exit 2 ;;
    esac
    rm -rf "$work/tree"
fi

names=("launcher: discimage ls" "java -jar discimage.jar ls" "launcher: discimage ls --fs joliet"
       "java -jar discimage.jar ls --fs joliet" "xorriso -find /" "isoinfo -R -f" "JVM start: discimage --version")
cmds=("'$launcher' ls '$image' | wc -l"
      "java -jar '$jar' ls '$image' | wc -l"
      "'$launcher' ls --fs joliet '$image' | wc -l"
      "java -jar '$jar' ls --fs joliet '$image' | wc -l"
      "xorriso -indev '$image' -find / 2>/dev/null | wc -l"
      "isoinfo -R -f -i '$image' | wc -l"
      "java -jar '$jar' --version | wc -l")

echo "image: $image ($(stat -c %s "$image") bytes)"
echo "machine: $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1), $(xorriso -version 2>/dev/null | head -1)"
for i in "${!cmds[@]}"; do   # the same tree for everyone (isoinfo -f leaves out the root: one line less)
    printf '%-32s %s lines\n' "${names[$i]}" "$(sh -c "${cmds[$i]}")"
done
echo

if command -v hyperfine >/dev/null; then
    args=()
    for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
    hyperfine --warmup 2 --runs "$runs" --style basic --export-markdown "$work/table.md" "${args[@]}" >&2
    cat "$work/table.md"
else
    printf '| %-32s | %10s |\n|---|---|\n' command "mean [s]"
    for i in "${!cmds[@]}"; do
        total=0
        for ((r = 0; r < runs; r++)); do
            t=$( { /usr/bin/time -f %e sh -c "${cmds[$i]}" >/dev/null; } 2>&1 | tail -1)
            total=$(echo "$total + $t" | bc -l)
        done
        printf '| %-32s | %10.3f |\n' "${names[$i]}" "$(echo "$total / $runs" | bc -l)"
    done
fi
