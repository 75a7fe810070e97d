#!/usr/bin/env bash
# Installs the Debian packages the app and its tests use, when they are missing.
# Safe to run again; without root or apt it only says what is missing.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Vietnamese OCR for scans, and pdftoppm to rasterise scanned PDFs (issue 3).
command -v tesseract >/dev/null || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr-vie)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Liberation Serif' || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-system: Debian packages already present."
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup-system: installing ${need[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null && echo "setup-system: done."
else
  echo "setup-system: missing ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
  echo "setup-system: the app runs without them; OCR of scans is then reported as unavailable." >&2
fi
exit 0
