#!/usr/bin/env bash
# Install test of the Linux package, the way IT installs it:
#   build the .deb (unless given) -> silent dpkg -i with a provisioning file -> the installed
#   `onewindow self-test`, headless -> support-bundle -> `onewindow provision validate` on a broken file
#   -> provision install -> dpkg -r (keeps provisioning and data, says so) -> dpkg --purge (deletes them).
# Usage: install-selftest.sh [DEB-FILE | FOLDER-WITH-ONE-DEB]
# Needs root (or password-less sudo) and a machine where package "onewindow" is not installed.
# Run by `mvn verify` in the installer module (profile installer-selftest) on machines with dpkg.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
start=$(date +%s)

fail() { echo "install-selftest: FAILED: $*" >&2; exit 1; }
step() { echo "install-selftest: [$(( $(date +%s) - start ))s] $*"; }

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  fail "needs root or password-less sudo to run dpkg (skip with: mvn verify -Dinstaller.selftest.skip)"
fi
command -v dpkg >/dev/null || fail "dpkg not found: this test runs on Debian/Ubuntu only"

deb="${1:-}"
if [ -z "$deb" ]; then
  step "building the .deb (mvn -pl installer -am package -Pinstaller)"
  (cd "$repo" && mvn -B -q -Dmaven.test.skip=true -pl installer -am package -Pinstaller) || fail "package build failed"
  deb="$repo/installer/target/installers"
fi
if [ -d "$deb" ]; then
  shopt -s nullglob
  debs=("$deb"/onewindow_*.deb)
  [ "${#debs[@]}" -eq 1 ] || fail "expected exactly one onewindow_*.deb in $deb, found ${#debs[@]}"
  deb="${debs[0]}"
fi
[ -f "$deb" ] || fail "no package at $deb"

# one install test per machine at a time (several checkouts may run `mvn verify` at once)
exec 9>/tmp/onewindow-install-selftest.lock
flock -w 900 9 || fail "another install test has held /tmp/onewindow-install-selftest.lock for 15 minutes"

if dpkg-query -W -f='${Status}' onewindow 2>/dev/null | grep -q "install ok"; then
  fail "package onewindow is already installed here; this test will not replace it (dpkg -r onewindow first)"
fi

work="$(mktemp -d)"
cleanup() {
  # leave the machine as we found it, whatever failed
  if dpkg-query -W onewindow >/dev/null 2>&1; then "${as_root[@]}" dpkg --purge onewindow >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# the libraries jpackage found the runtime needs (libasound2, libpcsclite1, ...) plus GTK: install the
# missing ones with apt first, so that dpkg -i itself installs the package and nothing else
dpkg-deb -f "$deb" Recommends | grep -qw ffmpeg || fail "the package does not recommend ffmpeg (camera capture)"
missing=()
IFS=',' read -ra deps <<< "$(dpkg-deb -f "$deb" Depends)"
for d in "${deps[@]}"; do
  d="$(echo "$d" | awk '{print $1}')"
  [ -z "$d" ] && continue
  dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "installing missing dependencies: ${missing[*]}"
  command -v apt-get >/dev/null || fail "missing dependencies and no apt-get: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "could not install dependencies: ${missing[*]}"
fi

# silent install, the way a distribution tool does it: the provisioning file is a parameter
printf 'hall.name=济南市民中心\nhall.window=08\nworkstation.id=WS-CI-08\nbackend.url=embedded\n' > "$work/ws.properties"
step "installing $(basename "$deb") ($(du -h "$deb" | cut -f1)) silently with ONEWINDOW_PROVISIONING"
"${as_root[@]}" env ONEWINDOW_PROVISIONING="$work/ws.properties" dpkg -i "$deb" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "dpkg -i failed"; }
cat "$work/install.log"
grep -q "WS-CI-08" /etc/onewindow/workstation.properties || fail "the silent install did not install the provisioning file"
[ -x /opt/onewindow/bin/onewindow ] || fail "/opt/onewindow/bin/onewindow missing after install"
[ -L /usr/bin/onewindow ] || fail "/usr/bin/onewindow link missing after install"
[ -f /usr/share/applications/onewindow.desktop ] || fail "menu entry missing after install"
[ -f /usr/share/icons/hicolor/256x256/apps/onewindow.png ] || fail "icon missing after install"
[ -f /opt/onewindow/lib/app/third-party-notices.md ] || fail "third-party notices missing after install"
[ -d /etc/onewindow ] && [ -d /var/lib/onewindow ] || fail "machine folders /etc/onewindow, /var/lib/onewindow missing"

step "running the installed 'onewindow self-test' headless (no DISPLAY)"
# a throw-away home and data folder: the self-test starts the embedded sandbox and opens a fresh store
if ! env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" ONEWINDOW_HOME="$work/data" \
      timeout 180 /usr/bin/onewindow self-test > "$work/self-test.log" 2>&1; then
  cat "$work/self-test.log"
  fail "the installed self-test did not pass"
fi
cat "$work/self-test.log"
grep -q "^PASS evidence store" "$work/self-test.log" || fail "self-test did not check the evidence store"
grep -q "^PASS back-end" "$work/self-test.log" || fail "self-test did not reach the back-end"
grep -q "^PASS face detector" "$work/self-test.log" || fail "the installed OpenCV natives or the bundled cascades do not detect a face"
grep -q "^PASS device id-reader" "$work/self-test.log" || fail "self-test did not test-read the ID reader"
grep -q "^PASS settings: provisioning file /etc/onewindow/workstation.properties" "$work/self-test.log" \
  || fail "self-test did not use the installed provisioning file"

step "support bundle from the installed package"
(cd "$work" && HOME="$work/home" ONEWINDOW_HOME="$work/data" /usr/bin/onewindow support-bundle --out "$work/support.zip") \
  || fail "support-bundle failed"
[ -s "$work/support.zip" ] || fail "support-bundle wrote no zip"

step "checking that a broken provisioning file is refused with a message per mistake"
printf 'hall.name=济南市民中心\nhall.window=08\nworkstation.id=WS-CI-08\nbackend.url=http://remote.example\nretention.dayz=3\n' \
  > "$work/broken.properties"
if HOME="$work/home" /usr/bin/onewindow provision validate "$work/broken.properties" > "$work/validate.log" 2>&1; then
  fail "a broken provisioning file was accepted"
fi
cat "$work/validate.log"
grep -q "backend.url: plain http" "$work/validate.log" || fail "no message for backend.url"
grep -q "retention.dayz: is not a known key (expected 'retention.days')" "$work/validate.log" || fail "no message for the misspelt key"

step "re-provisioning with 'onewindow provision install'"
sed 's/hall.window=08/hall.window=09/' "$work/ws.properties" > "$work/ws09.properties"
"${as_root[@]}" /usr/bin/onewindow provision install "$work/ws09.properties" || fail "provision install failed"
grep -q "hall.window=09" /etc/onewindow/workstation.properties || fail "provision install did not replace the file"

step "removing the package (must keep provisioning and data, and say so)"
"${as_root[@]}" dpkg -r onewindow > "$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "dpkg -r failed"; }
cat "$work/remove.log"
grep -q "Kept the provisioning file" "$work/remove.log" || fail "removal did not say what it kept"
[ ! -e /opt/onewindow ] || fail "/opt/onewindow still there after removal"
[ ! -e /usr/bin/onewindow ] || fail "/usr/bin/onewindow still there after removal"
[ ! -e /usr/share/applications/onewindow.desktop ] || fail "menu entry still there after removal"
[ -f /etc/onewindow/workstation.properties ] || fail "removal deleted the provisioning file"
[ -d /var/lib/onewindow ] || fail "removal deleted the machine data folder"

step "purging (must delete provisioning and data)"
"${as_root[@]}" dpkg --purge onewindow > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge failed"; }
cat "$work/purge.log"
[ ! -e /etc/onewindow ] && [ ! -e /var/lib/onewindow ] || fail "purge left /etc/onewindow or /var/lib/onewindow"

step "passed"
