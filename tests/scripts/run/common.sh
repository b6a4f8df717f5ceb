# Shared by the run tests: a private work dir, the flagship repository, assertions.
set -euo pipefail
PIPEMU=$1
ROOT=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_in FILE TEXT: the file contains the text.
expect_in() { grep -qF -- "$2" "$1" || { echo "--- $1" >&2; cat "$1" >&2; fail "expected '$2' in $1"; }; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
# wait_for_execution ID LOG SECONDS: until serve logs that execution ID finished, at most SECONDS
# (the caller then checks how it finished).
wait_for_execution() {
  for _ in $(seq 1 $(($3 * 5))); do
    grep -q "execution $1 of service-x finished" "$2" && return 0
    sleep 0.2
  done
}
# wait_for_serve PID LOG: until `pipemu serve --pipeline` has printed its webhook URL; fails if
# serve exits first (its output shown).
wait_for_serve() {
  for _ in $(seq 1 300); do
    grep -q "pipemu serve: webhook GithubWebhook" "$2" && return 0
    kill -0 "$1" 2>/dev/null || { cat "$2" >&2; fail "serve exited"; }
    sleep 0.1
  done
  fail "serve printed no webhook URL in 30 s"
}
make_repo() {
  local dir=$1
  mkdir -p "$dir"
  cp -R "$ROOT/scenarios/common/service/." "$dir/"
  (cd "$dir" && git init -q -b master && git add -A &&
     git -c user.name=t -c user.email=t@example.com commit -q -m "first push")
}
# The flagship pipeline itself (its webhook reads `!GetAtt CodePipeline.Version`).
PIPELINE=$ROOT/scenarios/flagship/pipeline.yaml
BOOT=(--bootstrap "eu-west-1=$ROOT/scenarios/flagship/bootstrap/eu-west-1.yaml"
      --bootstrap "us-east-1=$ROOT/scenarios/flagship/bootstrap/us-east-1.yaml"
      --bootstrap "ap-southeast-2=$ROOT/scenarios/flagship/bootstrap/ap-southeast-2.yaml")
