#!/usr/bin/env bash
# What `pipemu build` leaves in the Docker engine. A volume labelled as made by a pipemu of this
# machine that is gone is removed by the next build, which says so in one line; one of a live
# process is kept. A build stopped by SIGTERM or by Ctrl-C (SIGINT) removes its container and its
# privileged-mode volume (copy mode) before it exits by that signal.
# Usage: engine_leftovers.sh PIPEMU_BINARY
set -uo pipefail
pipemu=$1
tmp=$(mktemp -d /tmp/pipemu-leftovers.XXXXXX)
created=()
cleanup() {
  for v in "${created[@]}"; do docker volume rm -f "$v" >/dev/null 2>&1; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
host=$(hostname)
mkdir -p "$tmp/src"

# A pid that has just ended, and volumes owned by it and by this (live) shell.
sh -c 'exit 0' & dead=$!
wait $dead
stale=pipemu-test-stale-$RANDOM$RANDOM live=pipemu-test-live-$RANDOM$RANDOM
created+=("$stale" "$live")
docker volume create --label pipemu.build=t --label "pipemu.owner=$host:$dead" "$stale" >/dev/null || fail "volume create"
docker volume create --label pipemu.build=t --label "pipemu.owner=$host:$$" "$live" >/dev/null || fail "volume create"
printf 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n' >"$tmp/src/buildspec.yml"
"$pipemu" build --executor docker --source "$tmp/src" --out "$tmp/out" --no-cache >"$tmp/quick.txt" 2>&1 ||
  { cat "$tmp/quick.txt" >&2; fail "quick build"; }
grep -qE "^pipemu build: removed [0-9]+ (containers? and [0-9]+ )?volumes? left in the Docker engine by pipemu processes that are gone \(pids? ([0-9]+, )*$dead(, [0-9]+)*\)$" "$tmp/quick.txt" ||
  { cat "$tmp/quick.txt" >&2; fail "no line saying the stale volume was removed"; }
[ -z "$(docker volume ls -q --filter "name=^$stale$")" ] || fail "the dead process's volume is still there"
[ -n "$(docker volume ls -q --filter "name=^$live$")" ] || fail "the live process's volume was removed"

# interrupt SIGNAL EXIT-STATUS: a privileged build in copy mode (a container and a volume) stopped
# by SIGNAL while its command sleeps.
interrupt() {
  local sig=$1 want=$2 out=$tmp/$1.txt
  printf 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo started\n      - sleep 120\n' \
    >"$tmp/src/buildspec.yml"
  # Job control: a background job of a script would otherwise ignore SIGINT.
  set -m
  "$pipemu" build --executor docker --engine-files copy --privileged --source "$tmp/src" --out "$tmp/out" \
    --no-cache >"$out" 2>&1 &
  local pid=$!
  set +m
  local owner="pipemu.owner=$host:$pid"
  for _ in $(seq 1 600); do
    grep -q "^\[BUILD\] started" "$out" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || { cat "$out" >&2; fail "$sig: the build ended early"; }
    sleep 0.1
  done
  [ -n "$(docker ps -aq --filter "label=$owner")" ] || { cat "$out" >&2; fail "$sig: no container labelled $owner"; }
  [ -n "$(docker volume ls -q --filter "label=$owner")" ] || { cat "$out" >&2; fail "$sig: no volume labelled $owner"; }
  kill -"$sig" $pid
  wait $pid
  local rc=$?
  [ $rc -eq "$want" ] || { cat "$out" >&2; fail "$sig: exit $rc, expected $want"; }
  grep -qE "^pipemu build: interrupted: removing (container [0-9a-f]{12}, volume pipemu-src-[0-9]+|volume pipemu-src-[0-9]+, container [0-9a-f]{12})( before exiting)$" "$out" ||
    { cat "$out" >&2; fail "$sig: no line naming what was removed"; }
  [ -z "$(docker ps -aq --filter "label=$owner")" ] || fail "$sig: the build container is still there"
  [ -z "$(docker volume ls -q --filter "label=$owner")" ] || fail "$sig: the build volume is still there"
  echo "ok: $sig removes the build's container and volume"
}
interrupt TERM 143
interrupt INT 130
echo "OK: stale volumes of dead processes removed, live kept; interrupted builds leave nothing"
