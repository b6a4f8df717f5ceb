#!/usr/bin/env bash
# The article's build flow, end to end, with a real Docker engine: the fixture service (a Python
# Lambda with its own tests and a SAM template) is committed to a fresh git repository, then
# `pipemu build` runs its buildspec in the stand-in CodeBuild image: unit tests (directly and
# in a nested `docker run`, PrivilegedMode), then `aws cloudformation package` once per regional
# bucket. Checks: the build succeeded, the artifact holds the three packaged templates, each
# points at its own bucket, and each bucket received the code zip.
#
# With MODE `copy`, the same build as for a Docker engine on another machine: no bind mounts
# (--engine-files copy) and the fakes reached at this machine's own address (--fakes-host), the
# nested `docker run -v $(pwd):...` seeing the source through the engine-side volume.
#
# Usage: build_flow.sh PIPEMU_BINARY SOURCE_DIR [MODE]
set -euo pipefail
pipemu=$1
root=$2
mode_args=()
if [ "${3:-}" = copy ]; then
  host=$(hostname -I 2>/dev/null | awk '{print $1}')
  mode_args=(--engine-files copy --fakes-host "${host:-127.0.0.1}")
fi
tmp=$(mktemp -d /tmp/pipemu-flow.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
endpoint=http://127.0.0.1:$port
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_ENDPOINT_URL=$endpoint
wait_for_server() {
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$endpoint/" && return 0
    sleep 0.1
  done
  fail "the S3 endpoint did not start"
}

# The service as a git repository.
cp -r "$root/tests/fixtures/service" "$tmp/repo"
git -C "$tmp/repo" init -q -b master
git -C "$tmp/repo" add -A
git -C "$tmp/repo" -c user.email=dev@example.com -c user.name=Dev commit -q -m "service-x"

common=(--template "$tmp/repo/pipeline.yaml" --repo "$tmp/repo" --branch master --region eu-west-1
  --out "$tmp/out" --cache "$tmp/cache"
  --ssm /Environment/EU/SourceCodeStorage=service-x-eu
  --ssm /Environment/US/SourceCodeStorage=service-x-us
  --ssm /Environment/AU/SourceCodeStorage=service-x-au)
start=$(date +%s.%N)
set +e
if "$pipemu" help 2>/dev/null | grep -qw serve; then
  # pipemu build serves its own fakes for the build's duration; --state keeps them, so a
  # `pipemu serve` on the same state afterwards shows what the build uploaded.
  mode="pipemu fakes"
  "$pipemu" build "${common[@]}" "${mode_args[@]}" --state "$tmp/state" --bucket eu-west-1=service-x-eu \
    --bucket us-east-1=service-x-us --bucket ap-southeast-2=service-x-au >"$tmp/build.log" 2>&1
  rc=$?
  "$pipemu" serve --port "$port" --state "$tmp/state" >"$tmp/server.log" 2>&1 &
  server_pid=$!
  wait_for_server
else
  # A binary without `serve` (a partial build): moto's server stands in for the S3 fake.
  mode="moto stand-in"
  moto_server -H 127.0.0.1 -p "$port" >"$tmp/server.log" 2>&1 &
  server_pid=$!
  wait_for_server
  aws s3api create-bucket --bucket service-x-eu --region eu-west-1 \
    --create-bucket-configuration LocationConstraint=eu-west-1 >/dev/null
  aws s3api create-bucket --bucket service-x-us --region us-east-1 >/dev/null
  aws s3api create-bucket --bucket service-x-au --region ap-southeast-2 \
    --create-bucket-configuration LocationConstraint=ap-southeast-2 >/dev/null
  "$pipemu" build "${common[@]}" --endpoint "$endpoint" >"$tmp/build.log" 2>&1
  rc=$?
fi
set -e
cat "$tmp/build.log"
echo "build ($mode) took $(echo "$(date +%s.%N) - $start" | bc) s"
[ $rc -eq 0 ] || fail "pipemu build exited $rc"
if [ ${#mode_args[@]} -gt 0 ]; then
  grep -q 'files are copied in and out of the build container, no bind mounts' "$tmp/build.log" ||
    fail "copy mode was not used"
  grep -q "the fakes listen on every interface for builds (--fakes-host ${mode_args[3]})" "$tmp/build.log" ||
    fail "the fakes host was not used"
fi
grep -q 'Ran 3 tests' "$tmp/build.log" || fail "the service's 3 tests did not run"
[ "$(grep -c 'Ran 3 tests' "$tmp/build.log")" -ge 2 ] || fail "the nested docker run of the tests did not run"

unzip -Z1 "$tmp/out/artifact.zip" | sort >"$tmp/names"
printf 'au.lambda.yaml\neu.lambda.yaml\nus.lambda.yaml\n' | diff - "$tmp/names" || fail "artifact content"
mkdir "$tmp/pkg" && (cd "$tmp/pkg" && unzip -q "$tmp/out/artifact.zip")
for r in eu us au; do
  grep -q "CodeUri: s3://service-x-$r/" "$tmp/pkg/$r.lambda.yaml" || fail "$r.lambda.yaml does not point at service-x-$r"
  key=$(sed -n "s|.*CodeUri: s3://service-x-$r/||p" "$tmp/pkg/$r.lambda.yaml")
  aws s3api head-object --bucket "service-x-$r" --key "$key" >/dev/null || fail "code zip $key missing in service-x-$r"
done
echo "OK: three packaged templates, code zips in three regional buckets"
