#!/usr/bin/env bash
# The real aws CLI (v1, AWS_ENDPOINT_URL) against `pipemu serve`: create-stack + wait,
# list-exports, `cloudformation package` into a regional bucket then `deploy` (change set
# create/describe/execute through awscli's own logic), an empty redeploy, describe-change-set,
# and the mistakes the article's pipeline can make, each failing with AWS's text.
# Usage: <pipemu binary>
set -euo pipefail
PIPEMU=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$PIPEMU" serve --port 0 --port-file "$work/port" --state "$work/state" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
export AWS_ENDPOINT_URL=http://127.0.0.1:$(cat "$work/port") AWS_ACCESS_KEY_ID=x \
  AWS_SECRET_ACCESS_KEY=y AWS_DEFAULT_REGION=eu-west-1 AWS_CONFIG_FILE=/dev/null \
  AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=
fail() { echo "FAIL: $*"; tail -50 "$work/log"; exit 1; }
cfn() { aws cloudformation "$@"; }

# 1. The infrastructure stack, created and waited for (the waiter returns on its first poll).
start=$(date +%s)
cfn create-stack --stack-name service-x-infrastructure \
  --template-body "file://$here/infrastructure.yaml" --capabilities CAPABILITY_IAM >/dev/null
waited=$(date +%s)
cfn wait stack-create-complete --stack-name service-x-infrastructure
# A waiter that had to sleep would take its 30 s delay; a synchronous fake needs one poll.
[ $(( $(date +%s) - waited )) -lt 20 ] || fail "the stack-create-complete waiter slept"
status=$(cfn describe-stacks --stack-name service-x-infrastructure \
  --query 'Stacks[0].StackStatus' --output text)
[ "$status" = CREATE_COMPLETE ] || fail "infrastructure status $status"
exports=$(cfn list-exports --query 'Exports[].Name' --output text | tr '\t' ' ')
[ "$exports" = "service-x-infrastructure-queue-arn service-x-queue-url service-x-topic-arn" ] \
  || fail "exports: $exports"
# Other regions see none of them.
[ -z "$(cfn list-exports --region us-east-1 --query 'Exports[].Name' --output text)" ] \
  || fail "exports leaked to us-east-1"

# 2. The article's build: package into the regional bucket, then deploy through a change set.
aws s3 mb s3://code-eu --region eu-west-1 >/dev/null
aws ssm put-parameter --name /service-x/stage --value production --type String >/dev/null
cfn package --template-file "$here/sam/serverless.yaml" --s3-bucket code-eu \
  --output-template-file "$work/eu.lambda.yaml" >/dev/null
grep -q "CodeUri: s3://code-eu/" "$work/eu.lambda.yaml" || fail "package: $(cat "$work/eu.lambda.yaml")"
cfn deploy --template-file "$work/eu.lambda.yaml" --stack-name service-x-lambda \
  --capabilities CAPABILITY_IAM >"$work/deploy.out" 2>&1 || fail "deploy: $(cat "$work/deploy.out")"
grep -q "Successfully created/updated stack - service-x-lambda" "$work/deploy.out" \
  || fail "deploy output: $(cat "$work/deploy.out")"
arn=$(cfn describe-stacks --stack-name service-x-lambda \
  --query 'Stacks[0].Outputs[0].OutputValue' --output text)
case "$arn" in arn:aws:lambda:eu-west-1:123456789012:function:service-x-lambda-Function-*) ;;
  *) fail "function arn $arn" ;; esac
resolved=$(cfn describe-stacks --stack-name service-x-lambda \
  --query 'Stacks[0].Parameters[0].ResolvedValue' --output text)
[ "$resolved" = production ] || fail "resolved SSM value $resolved"
[ "$(cfn list-imports --export-name service-x-topic-arn --query 'Imports' --output text)" = \
  service-x-lambda ] || fail "list-imports"

# 3. Deploying the same template again: the change set is empty, awscli recognises AWS's text.
out=$(cfn deploy --template-file "$work/eu.lambda.yaml" --stack-name service-x-lambda \
  --capabilities CAPABILITY_IAM 2>&1) && fail "empty deploy should exit non-zero: $out"
echo "$out" | grep -qF "No changes to deploy. Stack service-x-lambda is up to date" \
  || fail "empty deploy: $out"
# awscli names its change set awscli-cloudformation-package-deploy-<epoch seconds>, and the empty
# one above stays (FAILED), as on AWS: a second deploy within the same second would collide.
sleep 1
cfn deploy --template-file "$work/eu.lambda.yaml" --stack-name service-x-lambda \
  --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset >/dev/null || fail "no-fail-on-empty"

# 4. A change set by hand, described: the new SSM value is a Modify of the function.
aws ssm put-parameter --name /service-x/stage --value staging --type String --overwrite >/dev/null
cfn create-change-set --stack-name service-x-lambda --change-set-name pipeline-changeset \
  --template-body "file://$work/eu.lambda.yaml" --capabilities CAPABILITY_IAM >/dev/null
cfn wait change-set-create-complete --stack-name service-x-lambda \
  --change-set-name pipeline-changeset
change=$(cfn describe-change-set --stack-name service-x-lambda \
  --change-set-name pipeline-changeset \
  --query 'Changes[0].ResourceChange.[Action,LogicalResourceId,Replacement]' --output text)
[ "$change" = "$(printf 'Modify\tFunction\tFalse')" ] || fail "describe-change-set: $change"
cfn execute-change-set --stack-name service-x-lambda --change-set-name pipeline-changeset
cfn wait stack-update-complete --stack-name service-x-lambda
[ "$(cfn list-change-sets --stack-name service-x-lambda --query 'length(Summaries)')" = 1 ] \
  || fail "list-change-sets"

# 5. Mistakes, with AWS's messages.
out=$(cfn describe-stacks --stack-name nope 2>&1) && fail "describe missing"
echo "$out" | grep -qF "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id nope does not exist" \
  || fail "missing stack: $out"
out=$(cfn execute-change-set --stack-name service-x-lambda --change-set-name gone 2>&1) \
  && fail "execute missing"
echo "$out" | grep -qF "(ChangeSetNotFound) when calling the ExecuteChangeSet operation: ChangeSet [gone] does not exist" \
  || fail "missing change set: $out"
out=$(cfn create-stack --stack-name iam --template-body \
  '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{}}}}}' 2>&1) \
  && fail "capabilities"
echo "$out" | grep -qF "(InsufficientCapabilitiesException) when calling the CreateStack operation: Requires capabilities : [CAPABILITY_IAM]" \
  || fail "capabilities: $out"
# The eu package deployed in us-east-1: Lambda cannot read another region's bucket.
cfn create-stack --stack-name service-x-infrastructure --region us-east-1 \
  --template-body "file://$here/infrastructure.yaml" >/dev/null
aws ssm put-parameter --name /service-x/stage --value production --type String \
  --region us-east-1 >/dev/null
out=$(cfn deploy --template-file "$work/eu.lambda.yaml" --stack-name service-x-lambda \
  --capabilities CAPABILITY_IAM --region us-east-1 2>&1) && fail "cross-region deploy succeeded"
reason=$(cfn describe-stack-events --stack-name service-x-lambda --region us-east-1 \
  --query "StackEvents[?ResourceStatus=='CREATE_FAILED'].ResourceStatusReason" --output text)
echo "$reason" | grep -qF "S3 Error Code: PermanentRedirect. S3 Error Message: The bucket is in this region: eu-west-1. Please use this region to retry the request" \
  || fail "cross-region reason: $reason"
[ "$(cfn describe-stacks --stack-name service-x-lambda --region us-east-1 \
  --query 'Stacks[0].StackStatus' --output text)" = ROLLBACK_COMPLETE ] || fail "rollback"
# The exporting stack cannot go while the lambda imports from it.
cfn delete-stack --stack-name service-x-infrastructure
status=$(cfn describe-stacks --stack-name service-x-infrastructure \
  --query 'Stacks[0].[StackStatus,StackStatusReason]' --output text)
[ "$status" = "$(printf 'DELETE_FAILED\tExport service-x-topic-arn cannot be deleted as it is in use by service-x-lambda')" ] \
  || fail "delete in use: $status"

echo "ok ($(( $(date +%s) - start ))s)"
