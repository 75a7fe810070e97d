#!/usr/bin/env bash
# Installs the Debian packages the app and its tests use, when they are missing.
# Safe to run again; without root or apt it only says what is missing.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
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
fi
exit 0
