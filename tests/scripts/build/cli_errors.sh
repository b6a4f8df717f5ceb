#!/usr/bin/env bash
# `pipemu build` bad input through the real binary: a missing image names the image map, a bad
# buildspec fails the build with CodeBuild's text, a repository that does not resolve is a clear
# error, bind mounts asked of an engine on another machine are refused, and nothing is written
# outside the work/out directories.
# Usage: cli_errors.sh PIPEMU_BINARY
set -uo pipefail
pipemu=$1
tmp=$(mktemp -d /tmp/pipemu-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/src"
printf 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n' >"$tmp/src/buildspec.yml"

out=$("$pipemu" build --source "$tmp/src" --out "$tmp/out" --no-cache \
  --image 'aws/codebuild/standard:7.0=pipemu/absent:0' 2>&1); rc=$?
echo "$out"
[ $rc -eq 1 ] || fail "missing image: exit $rc"
echo "$out" | grep -qF "Phase: PROVISIONING, Code: CLIENT_ERROR, Message: image 'aws/codebuild/standard:7.0' is mapped to 'pipemu/absent:0' by the image map (--image)" || fail "missing image message"

printf 'version: 0.2\nphases:\n  build:\n    comands:\n      - echo hi\n' >"$tmp/src/buildspec.yml"
out=$("$pipemu" build --source "$tmp/src" --out "$tmp/out" --no-cache 2>&1); rc=$?
echo "$out"
[ $rc -eq 1 ] || fail "bad buildspec: exit $rc"
echo "$out" | grep -qF "Phase: DOWNLOAD_SOURCE, Code: YAML_FILE_ERROR" || fail "bad buildspec message"
echo "$out" | grep -qF "buildspec.yml:4:" || fail "bad buildspec: no file:line:col diagnostic"

out=$("$pipemu" build --repo https://nonexistent.invalid/acme/x.git --out "$tmp/out" 2>&1); rc=$?
echo "$out"
[ $rc -eq 1 ] || fail "bad repo: exit $rc"
echo "$out" | grep -qF "pipemu build: source: cannot fetch https://nonexistent.invalid/acme/x.git:" || fail "bad repo message"

out=$("$pipemu" build --executor nope --source "$tmp/src" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "bad executor: exit $rc"
echo "$out" | grep -qF "unknown executor 'nope' (docker, local or auto)" || fail "bad executor message"

# Bind mounts asked of an engine on another machine: refused before connecting, saying what to do.
out=$(DOCKER_HOST=tcp://192.0.2.1:2375 "$pipemu" build --executor docker --engine-files mount --source "$tmp/src" \
  --out "$tmp/out" 2>&1); rc=$?
echo "$out"
[ $rc -eq 1 ] || fail "mount on a remote engine: exit $rc"
echo "$out" | grep -qF "pipemu build: the Docker engine at tcp://192.0.2.1:2375 is not on this machine, so it cannot bind-mount" ||
  fail "mount on a remote engine: message"
echo "$out" | grep -qF "use --engine-files copy or auto" || fail "mount on a remote engine: what to do"
out=$(PIPEMU_ENGINE_FILES=sideways "$pipemu" build --executor docker --source "$tmp/src" --out "$tmp/out" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "bad PIPEMU_ENGINE_FILES: exit $rc"
echo "$out" | grep -qF "PIPEMU_ENGINE_FILES='sideways': expected copy, mount or auto" || fail "bad PIPEMU_ENGINE_FILES message"
out=$("$pipemu" build --fakes-host http://builder.lan --source "$tmp/src" --out "$tmp/out" 2>&1); rc=$?
[ $rc -eq 2 ] || fail "bad --fakes-host: exit $rc"
echo "$out" | grep -qF "'http://builder.lan' is not a host name or address (give what goes between http:// and :PORT" ||
  { echo "$out"; fail "bad --fakes-host message"; }
echo OK
