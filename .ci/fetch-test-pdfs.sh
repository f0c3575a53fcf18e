#!/usr/bin/env bash
# Fetches the real PDFs the parser's word-agreement test reads (RISKINTEL_TEST_PDFS) from Debian
# documentation packages: manuals (pdfTeX/texinfo, LaTeX), a DocBook report (xdvipdfmx, many tables),
# ReportLab and htmldoc/Ghostscript output, and two multi-column reference cards.
# Usage: .ci/fetch-test-pdfs.sh [DIR]   (prints DIR; nothing is committed, the files are third-party)
set -euo pipefail
dir="${1:-${TMPDIR:-/tmp}/riskintel-test-pdfs}"
mkdir -p "$dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# package  path-inside-the-package
files=(
  "r-doc-pdf            usr/share/R/doc/manual/R-intro.pdf"
  "r-doc-pdf            usr/share/R/doc/manual/R-data.pdf"
  "gnuplot-doc          usr/share/doc/gnuplot/gnuplot.pdf"
  "debian-reference-en  usr/share/debian-reference/debian-reference.en.pdf"
  "python-reportlab-doc usr/share/doc/python-reportlab-doc/reportlab-userguide.pdf"
  "xfig-doc             usr/share/doc/xfig/xfig-howto.pdf"
  "xfig-doc             usr/share/doc/xfig/xfig_ref_en.pdf"
  "octave-doc           usr/share/doc/octave/refcard-a4.pdf"
  "pari-doc             usr/share/pari/doc/refcard.pdf"
)

missing=0
for line in "${files[@]}"; do
  read -r _ path <<<"$line"
  [ -s "$dir/$(basename "$path")" ] || missing=1
done

if [ "$missing" = 1 ]; then
  packages=$(printf '%s\n' "${files[@]}" | awk '{print $1}' | sort -u)
  (cd "$work" && { apt-get download $packages >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get download $packages >/dev/null; }; })
  for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
  for line in "${files[@]}"; do
    read -r _ path <<<"$line"
    cp "$work/root/$path" "$dir/"
  done
fi
echo "$dir"
