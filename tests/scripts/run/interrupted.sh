#!/usr/bin/env bash
# Kill `pipemu run` in the middle of the Deploy stage (after the infrastructure stacks, while a
# slow test action runs): the next run reports the interrupted execution as Failed and proceeds.
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
"$PIPEMU" run "$WORK/slow-pipeline.yaml" --repo "$WORK/repo" --branch master --region eu-west-1 \
  --state "$WORK/state" --executor local --json "${BOOT[@]}" > "$WORK/events-1.jsonl" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q '"action":"slow-check"' "$WORK/events-1.jsonl" 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$WORK/events-1.jsonl"; fail "run ended before the slow action"; }
  sleep 0.2
done
grep -q '"action":"slow-check"' "$WORK/events-1.jsonl" || fail "slow action never started"
kill -9 $pid
wait $pid 2>/dev/null || true
killed_id=$(python3 -c "import json,sys; print([json.loads(l)['execution_id'] for l in open(sys.argv[1]) if '\"ExecutionStarted\"' in l][0])" "$WORK/events-1.jsonl")

# The next run: the original flagship pipeline on the same state.
"$PIPEMU" run "$PIPELINE" --repo "$WORK/repo" --branch master \
  --region eu-west-1 --state "$WORK/state" --executor local "${BOOT[@]}" > "$WORK/out-2.txt" 2>&1 \
  || { cat "$WORK/out-2.txt"; fail "the run after the kill failed"; }
expect_in "$WORK/out-2.txt" "execution $killed_id of service-x was interrupted"
"$PIPEMU" history --state "$WORK/state" > "$WORK/history.txt"
expect_in "$WORK/history.txt" "Interrupted: the pipemu process ended before the execution finished"
grep "$killed_id" "$WORK/history.txt" | grep -q Failed || { cat "$WORK/history.txt"; fail "killed run not Failed"; }
echo "ok"
