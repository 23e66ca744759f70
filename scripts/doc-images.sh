#!/usr/bin/env bash
# Images of docs/USER-GUIDE.md. Optional, not part of npm test; needs LibreOffice (soffice) and
# poppler-utils (pdftoppm).
#   docs/images/sheet-*.png : the seed workbook as LibreOffice prints it, one PNG per page
#   docs/images/pane-*.png  : copied from test-output/ after `npx jest test/taskpane-browser.test.ts`
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
npx mpwr import --xlsx "$tmp/mpwr.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/mpwr.xlsx" >/dev/null
pdftoppm -r 80 -png "$tmp/mpwr.pdf" "$tmp/page"
names=(balance-sheet operations non-gaap guidance checks chart)
i=0
for page in "$tmp"/page-*.png; do
  name=${names[$i]:-page-$((i + 1))}
  # The Checks sheet may take more than one page: later pages keep their number.
  [ "$i" -ge "${#names[@]}" ] && name="page-$((i + 1))"
  cp "$page" "$out/sheet-$name.png"
  i=$((i + 1))
done
for state in start preview break-card tables text error; do
  for size in 350x800 1366x768; do
    [ -f "test-output/pane-$state-$size.png" ] && cp "test-output/pane-$state-$size.png" "$out/"
  done
done
ls "$out"
