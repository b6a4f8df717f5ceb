#!/usr/bin/env bash
# User errors: no seeded state (missing SSM parameters and exports, named with the fix), a bad
# --param, a template that does not exist. The execution is recorded Failed with the reason.
source "$(dirname "$0")/common.sh"
make_repo "$WORK/repo"
P=$PIPELINE
set +e
"$PIPEMU" run "$P" --repo "$WORK/repo" --region eu-west-1 --state "$WORK/state" --executor local \
  --report "$WORK/report" > "$WORK/out.txt" 2>&1
code=$?
set -e
[[ $code == 1 ]] || { cat "$WORK/out.txt"; fail "exit code $code, expected 1"; }
expect_in "$WORK/out.txt" "$P:6:14: error: parameter EuBucket reads SSM parameter /Environment/EU/SourceCodeStorage, which does not exist in eu-west-1"
expect_in "$WORK/out.txt" "create it: aws ssm put-parameter --region eu-west-1 --name /Environment/EU/SourceCodeStorage --type String --value <value>"
expect_in "$WORK/out.txt" "error: Fn::ImportValue GenericCodeBuildRoleArn: no stack in eu-west-1 exports GenericCodeBuildRoleArn"
[[ $(json "$WORK/report/report.json" "d['status']") == Failed ]] || fail "report status"
"$PIPEMU" history --state "$WORK/state" > "$WORK/history.txt"
expect_in "$WORK/history.txt" "Failed"

set +e
"$PIPEMU" run "$P" --repo "$WORK/repo" --state "$WORK/state" --param NoEquals > "$WORK/usage.txt" 2>&1
code=$?
"$PIPEMU" run "$WORK/none.yaml" --repo "$WORK/repo" --state "$WORK/state" > "$WORK/missing.txt" 2>&1
code2=$?
set -e
[[ $code == 2 ]] || fail "--param usage exit $code"
expect_in "$WORK/usage.txt" "pipemu run: --param NoEquals: expected Name=Value"
[[ $code2 == 2 ]] || fail "missing template exit $code2"
expect_in "$WORK/missing.txt" "pipemu run: $WORK/none.yaml: no such file"
echo "ok"
