#!/usr/bin/env bash
# Kill `pipemu run` in the middle of the Deploy stage (after the infrastructure stacks, while a
# slow test action runs): the next run reports the interrupted execution as Failed and proceeds.
# Then Ctrl-C (SIGINT) at the same point: the run removes its build and exits 130 without
# recording the torn-down build as the action's failure; the next run reports it as interrupted.
# Either way the next run removes the execution's work directory.
source "$(dirname "$0")/common.sh"
make_repo "$WORK/repo"
# The flagship pipeline plus a slow Test action after the infrastructure deploys.
python3 - "$PIPELINE" "$WORK/slow-pipeline.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
slow = """
        - Name: Verify
          Actions:
            - Name: slow-check
              ActionTypeId: {Category: Test, Owner: AWS, Provider: CodeBuild, Version: 1}
              Configuration: {ProjectName: !Ref SlowCheck}
              InputArtifacts: [{Name: src}]
"""
project = """
  SlowCheck:
    Type: AWS::CodeBuild::Project
    Properties:
      Artifacts: {Type: CODEPIPELINE}
      Environment: {ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:2.0, Type: LINUX_CONTAINER}
      ServiceRole: arn:aws:iam::123456789012:role/x
      Source:
        Type: CODEPIPELINE
        BuildSpec: |
          version: 0.2
          phases:
            build:
              commands:
                - sleep 60
"""
text = text.replace("\nResources:\n", "\nResources:\n" + project, 1)
text = text.replace("\n  GithubWebhook:", slow + "\n  GithubWebhook:", 1)
open(sys.argv[2], "w").write(text)
PY
# start_slow_run EVENTS ERR: runs the slow pipeline in the background (pid in $pid) until its
# slow action has started.
start_slow_run() {
  "$PIPEMU" run "$WORK/slow-pipeline.yaml" --repo "$WORK/repo" --branch master --region eu-west-1 \
    --state "$WORK/state" --executor local --json "${BOOT[@]}" > "$1" 2> "$2" &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q '"action":"slow-check"' "$1" 2>/dev/null && return 0
    kill -0 $pid 2>/dev/null || { cat "$1" "$2"; fail "run ended before the slow action"; }
    sleep 0.2
  done
  fail "slow action never started"
}
# execution_id EVENTS: the id in its ExecutionStarted event.
execution_id() {
  python3 -c "import json,sys; print([json.loads(l)['execution_id'] for l in open(sys.argv[1]) if '\"ExecutionStarted\"' in l][0])" "$1"
}

# next_run_reports ID OUT: the original flagship pipeline, run next on the same state, succeeds,
# reports execution ID as interrupted and removes its work directory.
next_run_reports() {
  "$PIPEMU" run "$PIPELINE" --repo "$WORK/repo" --branch master \
    --region eu-west-1 --state "$WORK/state" --executor local "${BOOT[@]}" > "$2" 2>&1 \
    || { cat "$2"; fail "the run after the interrupted one failed"; }
  expect_in "$2" "execution $1 of service-x was interrupted"
  [ ! -e "$WORK/state/work/$1" ] || fail "the interrupted execution's work directory was left behind"
}

start_slow_run "$WORK/events-1.jsonl" "$WORK/err-1.txt"
kill -9 $pid
wait $pid 2>/dev/null || true
killed_id=$(execution_id "$WORK/events-1.jsonl")

next_run_reports "$killed_id" "$WORK/out-2.txt"
"$PIPEMU" history --state "$WORK/state" > "$WORK/history.txt"
expect_in "$WORK/history.txt" "Interrupted: the pipemu process ended before the execution finished"
grep "$killed_id" "$WORK/history.txt" | grep -q Failed || { cat "$WORK/history.txt"; fail "killed run not Failed"; }

# Ctrl-C at the same point.
start_slow_run "$WORK/events-3.jsonl" "$WORK/err-3.txt"
kill -INT $pid
rc=0
wait $pid || rc=$?
[ "$rc" = 130 ] || { cat "$WORK/err-3.txt"; fail "Ctrl-C: exit status $rc, expected 130"; }
expect_in "$WORK/err-3.txt" "pipemu run: interrupted: removing local build process group"
if grep '"slow-check"' "$WORK/events-3.jsonl" | grep -q '"Failed"'; then
  cat "$WORK/events-3.jsonl"
  fail "the build torn down by Ctrl-C was reported as the action's failure"
fi
next_run_reports "$(execution_id "$WORK/events-3.jsonl")" "$WORK/out-4.txt"
echo "ok"
