#!/usr/bin/env bash
# `pipemu run` of the flagship as against a Docker engine on another machine: the CodeBuild
# action in Docker with no bind mounts (--engine-files copy) and the build's aws CLI reaching the
# fakes at this machine's own address (--fakes-host), not 127.0.0.1. The packaged templates reach
# the three regions' deploy actions, so the build's uploads and artifact came back.
# Usage: run_copy_mode.sh PIPEMU_BINARY SOURCE_DIR
source "$(dirname "$0")/../run/common.sh"
make_repo "$WORK/repo"
host=$(hostname -I 2>/dev/null | awk '{print $1}')
host=${host:-127.0.0.1}
"$PIPEMU" run "$PIPELINE" --repo "$WORK/repo" --branch master --region eu-west-1 --state "$WORK/state" \
  --executor docker --engine-files copy --fakes-host "$host" --report "$WORK/report" "${BOOT[@]}" \
  > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; fail "run failed"; }
expect_in "$WORK/out.txt" "(engine files: copy; files are copied in and out of the build container, no bind mounts)"
expect_in "$WORK/out.txt" "fakes served for builds at http://$host:"
expect_in "$WORK/out.txt" "the fakes listen on every interface for builds (--fakes-host $host)"
R=$WORK/report/report.json
[[ $(json "$R" "d['status']") == Succeeded ]] || { cat "$WORK/out.txt" >&2; fail "status"; }
for region in eu-west-1 us-east-1 ap-southeast-2; do
  [[ $(json "$R" "[s['status'] for s in d['stacks'] if s['region']=='$region' and s['stack_name']=='service-x-infrastructure'][-1]") == \
     CREATE_COMPLETE ]] || fail "infrastructure stack in $region"
done
echo "OK: flagship replay with files copied and the fakes at $host"
