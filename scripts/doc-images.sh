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
npm run --silent build:cli
node bin/mpwr.js import --xlsx "$tmp/mpwr.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/mpwr.xlsx" >/dev/null
pdftoppm -r 80 -png "$tmp/mpwr.pdf" "$tmp/page"
# One page each for the balance sheet, operations, non-GAAP and guidance; the chart last; the
# Checks sheet in between (it may take more than one page).
pages=("$tmp"/page-*.png)
n=${#pages[@]}
for ((i = 0; i < n; i++)); do
  case $i in
    0) name=balance-sheet ;; 1) name=operations ;; 2) name=non-gaap ;; 3) name=guidance ;;
    *) if [ "$i" -eq $((n - 1)) ]; then name=chart; elif [ "$i" -eq 4 ]; then name=checks; else name="checks-$((i - 3))"; fi ;;
  esac
  cp "${pages[$i]}" "$out/sheet-$name.png"
done
# The top of the Checks sheet, legible: the summary and the first checks.
pdftoppm -r 170 -f 5 -l 5 -x 0 -y 60 -W 1870 -H 620 -png "$tmp/mpwr.pdf" "$tmp/checks-top"
cp "$tmp"/checks-top-*.png "$out/sheet-checks-top.png"
for state in start preview break-card tables text error; do
  for size in 350x800 1366x768; do
    [ -f "test-output/pane-$state-$size.png" ] && cp "test-output/pane-$state-$size.png" "$out/"
  done
done
ls "$out"
