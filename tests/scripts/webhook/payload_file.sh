#!/usr/bin/env bash
# `pipemu webhook`: a push event from a file, judged as `pipemu serve` judges an HTTP delivery.
source "$(dirname "$0")/../run/common.sh"
make_repo "$WORK/repo"
COMMIT=$(git -C "$WORK/repo" rev-parse HEAD)
payload() {  # payload BRANCH FILE
  printf '{"ref":"refs/heads/%s","after":"%s","repository":{"name":"service-x"}}' "$1" "$COMMIT" > "$2"
}
sign() { python3 -c "import hashlib,hmac,sys; print('sha256='+hmac.new(sys.argv[1].encode(), open(sys.argv[2],'rb').read(), hashlib.sha256).hexdigest())" "$@"; }
payload master "$WORK/master.json"
payload feature "$WORK/feature.json"
hook() {  # hook OUT EXPECTED-RC ARGS...
  local out=$1 want=$2; shift 2
  local rc=0
  "$PIPEMU" webhook "$PIPELINE" --repo "$WORK/repo" --region eu-west-1 --state "$WORK/state" \
    --executor local "${BOOT[@]}" "$@" > "$out" 2>&1 || rc=$?
  [[ $rc == "$want" ]] || { cat "$out" >&2; fail "exit $rc, expected $want: $*"; }
}
# No signature, a wrong one: rejected with the reason, exit 1, nothing ran.
hook "$WORK/none.txt" 1 --payload "$WORK/master.json"
expect_in "$WORK/none.txt" "webhook GithubWebhook: 401 missing X-Hub-Signature-256 header"
hook "$WORK/wrong.txt" 1 --payload "$WORK/master.json" --signature "$(sign wrong-secret "$WORK/master.json")"
expect_in "$WORK/wrong.txt" "webhook GithubWebhook: 401 X-Hub-Signature-256 does not match the webhook's SecretToken"
# A correctly signed push to another branch: nothing started, exit 3, and why.
hook "$WORK/feature.txt" 3 --payload "$WORK/feature.json" --signature "$(sign not-a-real-token "$WORK/feature.json")"
expect_in "$WORK/feature.txt" \
  "webhook GithubWebhook: 200 started nothing: filter \$.ref is 'refs/heads/feature', not 'refs/heads/master': no execution started"
"$PIPEMU" history --state "$WORK/state" > "$WORK/history0.txt"
if grep -q Succeeded "$WORK/history0.txt"; then fail "a refused delivery ran the pipeline"; fi
# The signed push to master: the execution runs and succeeds, recorded as webhook-triggered.
hook "$WORK/master.txt" 0 --payload "$WORK/master.json" --signature "$(sign not-a-real-token "$WORK/master.json")" \
  --report "$WORK/report"
expect_in "$WORK/master.txt" "webhook GithubWebhook: 200 started execution"
ID=$(sed -n 's/.*started execution \([0-9a-f-]*\) of pipeline service-x.*/\1/p' "$WORK/master.txt")
R=$WORK/report/report.json
[[ $(json "$R" "d['execution_id']") == "$ID" ]] || { cat "$WORK/master.txt" >&2; fail "execution id in the report"; }
[[ $(json "$R" "d['status']") == Succeeded ]] || fail "status"
[[ $(json "$R" "d['trigger']['type']") == Webhook ]] || fail "trigger type"
[[ $(json "$R" "d['trigger']['commit']") == "$COMMIT" ]] || fail "trigger commit"
# Usage errors.
rc=0; "$PIPEMU" webhook "$PIPELINE" --repo "$WORK/repo" --payload "$WORK/missing.json" > "$WORK/u.txt" 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "missing payload file exit $rc"
expect_in "$WORK/u.txt" "pipemu webhook: $WORK/missing.json: cannot read the payload file"
echo ok
