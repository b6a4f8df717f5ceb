#!/usr/bin/env bash
# `pipemu serve --pipeline ... --engine-files copy --fakes-host HOST`: serve's own fakes listen on
# every interface and say they are unauthenticated, as `pipemu run` does; a push delivered over
# HTTP starts an execution whose Docker build gets its files copied in and AWS_ENDPOINT_URL at
# HOST. A bad --fakes-host is refused; --engine-files without --pipeline is a usage error.
source "$(dirname "$0")/engine_flags_common.sh"
make_probe_repo "$WORK/repo"
COMMIT=$(git -C "$WORK/repo" rev-parse HEAD)
timeout 20 "$PIPEMU" serve --port 0 --state "$WORK/bad" --fakes-host "http://$HOST" > "$WORK/bad.txt" 2>&1 && fail "a URL as --fakes-host was accepted"
expect_in "$WORK/bad.txt" "is not a host name or address"
timeout 20 "$PIPEMU" serve --port 0 --state "$WORK/bad" --engine-files copy > "$WORK/needs.txt" 2>&1 && fail "--engine-files without --pipeline was accepted"
expect_in "$WORK/needs.txt" "--engine-files requires --pipeline"

"$PIPEMU" serve --port 0 --state "$WORK/state" --pipeline "$PIPELINE" --repo "$WORK/repo" --region eu-west-1 \
  --executor docker --engine-files copy --fakes-host "$HOST" --report "$WORK/reports" "${BOOT[@]}" \
  > "$WORK/serve.txt" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true; rm -rf "$WORK"' EXIT
wait_for_serve $SERVE "$WORK/serve.txt"
expect_in "$WORK/serve.txt" "pipemu serve: listening on http://0.0.0.0:"
expect_in "$WORK/serve.txt" "pipemu serve: the fakes listen on every interface for builds (--fakes-host $HOST): anyone who can reach this machine can call them"
# Serve's own fakes answer at this machine's address, not only on loopback.
PORT=$(sed -n 's|^pipemu serve: listening on http://0.0.0.0:\([0-9]*\) .*|\1|p' "$WORK/serve.txt")
curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$PORT/" | grep -qv '^000$' || fail "serve's fakes do not answer at $HOST:$PORT"
URL=$(sed -n 's/^pipemu serve: webhook GithubWebhook  //p' "$WORK/serve.txt")
REPLY=$(python3 - "$URL" "$COMMIT" <<'PY'
import hashlib, hmac, json, sys, urllib.request
url, commit = sys.argv[1:3]
body = json.dumps({"ref": "refs/heads/master", "after": commit, "repository": {"name": "service-x"}}).encode()
headers = {"Content-Type": "application/json", "X-GitHub-Event": "push", "X-GitHub-Delivery": "d-1",
           "X-Hub-Signature-256": "sha256=" + hmac.new(b"not-a-real-token", body, hashlib.sha256).hexdigest()}
with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers, method="POST"), timeout=60) as r:
    print(r.status, r.read().decode().strip())
PY
)
[[ $REPLY =~ ^200\ started\ execution\ ([0-9a-f-]{36}) ]] || { cat "$WORK/serve.txt" >&2; fail "start reply: $REPLY"; }
ID=${BASH_REMATCH[1]}
wait_for_execution "$ID" "$WORK/serve.txt" 300
expect_in "$WORK/serve.txt" "execution $ID of service-x finished: Succeeded"
expect_in "$WORK/serve.txt" "(engine files: copy; files are copied in and out of the build container, no bind mounts)"
expect_in "$WORK/serve.txt" "fakes served for builds at http://$HOST:"
expect_in "$WORK/reports/$ID/report.json" "$PROBE"
kill -TERM $SERVE; wait $SERVE || fail "serve did not stop cleanly"
echo "OK: serve-started builds with files copied and the fakes at $HOST"
