#!/usr/bin/env bash
# `pipemu serve --pipeline`: real HTTP deliveries signed with GitHub's HMAC (python computes it)
# to the flagship's webhook URL: missing, malformed and wrong signatures are 401 with the reason
# logged; a push to another branch starts nothing and says why; a push to master starts an
# execution whose id the reply names, and that execution succeeds (history, report).
source "$(dirname "$0")/../run/common.sh"
make_repo "$WORK/repo"
COMMIT=$(git -C "$WORK/repo" rev-parse HEAD)
"$PIPEMU" serve --port 0 --state "$WORK/state" --pipeline "$PIPELINE" --repo "$WORK/repo" \
  --region eu-west-1 --executor local --report "$WORK/reports" "${BOOT[@]}" > "$WORK/serve.txt" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true; rm -rf "$WORK"' EXIT
wait_for_serve $SERVE "$WORK/serve.txt"
URL=$(sed -n 's/^pipemu serve: webhook GithubWebhook  //p' "$WORK/serve.txt")
[[ $URL =~ ^http://127\.0\.0\.1:[0-9]+/webhooks/eu-west-1/trigger\?t=[0-9a-f]{32}\&v=1$ ]] || fail "webhook URL: '$URL'"

# deliver BRANCH SIGNATURE-MODE -> prints "<status> <body>". The secret is the flagship's
# GitHubOauthToken export (bootstrap/eu-west-1.yaml).
deliver() {
  python3 - "$URL" "$1" "$2" "$COMMIT" <<'PY'
import hashlib, hmac, json, sys, urllib.request, urllib.error
url, branch, mode, commit = sys.argv[1:5]
body = json.dumps({"ref": f"refs/heads/{branch}", "after": commit,
                   "repository": {"name": "service-x"}}).encode()
headers = {"Content-Type": "application/json", "X-GitHub-Event": "push",
           "X-GitHub-Delivery": f"d-{branch}-{mode}"}
secret = {"good": b"not-a-real-token", "wrong": b"another-secret"}.get(mode)
if secret is not None:
    headers["X-Hub-Signature-256"] = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
if mode == "malformed":
    headers["X-Hub-Signature-256"] = hmac.new(b"not-a-real-token", body, hashlib.sha256).hexdigest()
req = urllib.request.Request(url, data=body, headers=headers, method="POST")
try:
    with urllib.request.urlopen(req, timeout=60) as r:
        print(r.status, r.read().decode().strip())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode().strip())
PY
}
check() {  # check ACTUAL EXPECTED
  [[ $1 == "$2" ]] || { cat "$WORK/serve.txt" >&2; fail "expected '$2', got '$1'"; }
}
check "$(deliver master missing)" "401 missing X-Hub-Signature-256 header"
check "$(deliver master malformed)" "401 malformed X-Hub-Signature-256 header (expected sha256=<hex>)"
check "$(deliver master wrong)" "401 X-Hub-Signature-256 does not match the webhook's SecretToken"
check "$(deliver feature good)" \
  "200 started nothing: filter \$.ref is 'refs/heads/feature', not 'refs/heads/master': no execution started"
expect_in "$WORK/serve.txt" "webhook GithubWebhook: 401 X-Hub-Signature-256 does not match the webhook's SecretToken (delivery d-master-wrong)"
# Nothing ran yet.
[[ ! -d $WORK/reports ]] || fail "a rejected delivery started an execution"

# A wrong token is not a webhook.
BAD=$(python3 -c "import sys,urllib.request,urllib.error
try: urllib.request.urlopen(urllib.request.Request(sys.argv[1].replace('t=','t=0'), data=b'{}', method='POST'))
except urllib.error.HTTPError as e: print(e.code)" "$URL")
check "$BAD" 404

REPLY=$(deliver master good)
[[ $REPLY =~ ^200\ started\ execution\ ([0-9a-f-]{36})\ of\ pipeline\ service-x\ \(master\ ${COMMIT:0:12}\)$ ]] ||
  { cat "$WORK/serve.txt" >&2; fail "start reply: $REPLY"; }
ID=${BASH_REMATCH[1]}
wait_for_execution "$ID" "$WORK/serve.txt" 120
expect_in "$WORK/serve.txt" "execution $ID of service-x finished: Succeeded"
R=$WORK/reports/$ID/report.json
[[ $(json "$R" "d['execution_id']") == "$ID" ]] || { ls -R "$WORK/reports" >&2; cat "$WORK/serve.txt" >&2; fail "report execution id"; }
[[ $(json "$R" "d['trigger']['type']") == Webhook ]] || fail "trigger type: $(json "$R" "d['trigger']")"
[[ $(json "$R" "d['trigger']['commit']") == "$COMMIT" ]] || fail "trigger commit"
kill -TERM $SERVE; wait $SERVE || fail "serve did not stop cleanly"
"$PIPEMU" history --state "$WORK/state" > "$WORK/history.txt"
expect_in "$WORK/history.txt" "${ID:0:8}"
echo ok
