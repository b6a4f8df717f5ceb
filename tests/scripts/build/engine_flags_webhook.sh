#!/usr/bin/env bash
# `pipemu webhook --engine-files copy --fakes-host HOST`: the execution a signed push file starts
# builds in Docker with its files copied in and AWS_ENDPOINT_URL at HOST; PIPEMU_ENGINE_FILES=mount
# in the environment does not override the flag.
source "$(dirname "$0")/engine_flags_common.sh"
make_probe_repo "$WORK/repo"
printf '{"ref":"refs/heads/master","after":"%s","repository":{"name":"service-x"}}' \
  "$(git -C "$WORK/repo" rev-parse HEAD)" > "$WORK/push.json"
SIG=$(python3 -c "import hashlib,hmac,sys; print('sha256='+hmac.new(b'not-a-real-token', open(sys.argv[1],'rb').read(), hashlib.sha256).hexdigest())" "$WORK/push.json")
PIPEMU_ENGINE_FILES=mount "$PIPEMU" webhook "$PIPELINE" --repo "$WORK/repo" --region eu-west-1 --state "$WORK/state" \
  --payload "$WORK/push.json" --signature "$SIG" --executor docker --engine-files copy --fakes-host "$HOST" \
  --report "$WORK/report" "${BOOT[@]}" > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; fail "webhook run failed"; }
expect_in "$WORK/out.txt" "(engine files: copy; files are copied in and out of the build container, no bind mounts)"
expect_in "$WORK/out.txt" "fakes served for builds at http://$HOST:"
expect_in "$WORK/out.txt" "the fakes listen on every interface for builds (--fakes-host $HOST): anyone who can reach this machine can call them"
[[ $(json "$WORK/report/report.json" "d['status']") == Succeeded ]] || { cat "$WORK/out.txt" >&2; fail "status"; }
expect_in "$WORK/report/report.json" "$PROBE"
echo "OK: webhook-started builds with files copied and the fakes at $HOST"
