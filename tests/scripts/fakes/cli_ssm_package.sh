#!/usr/bin/env bash
# The real aws CLI against `pipemu serve`: ssm put/get/by-path and `cloudformation package` of a
# small SAM template into a regional bucket (package only needs S3). Usage: <pipemu binary>
set -euo pipefail
PIPEMU=$1
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$PIPEMU" serve --port 0 --port-file "$work/port" --state "$work/state" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
export AWS_ENDPOINT_URL=http://127.0.0.1:$(cat "$work/port") AWS_ACCESS_KEY_ID=x \
  AWS_SECRET_ACCESS_KEY=y AWS_DEFAULT_REGION=eu-west-1 AWS_CONFIG_FILE=/dev/null \
  AWS_SHARED_CREDENTIALS_FILE=/dev/null
fail() { echo "FAIL: $*"; cat "$work/log"; exit 1; }

v=$(aws ssm put-parameter --name /app/eu/bucket --value my-eu-bucket --type String \
  --query Version --output text)
[ "$v" = "1" ] || fail "put version $v"
aws ssm put-parameter --name /app/eu/secret --value s3cr3t --type SecureString >/dev/null
aws ssm put-parameter --name /app/eu/deep/x --value deep --type String >/dev/null
[ "$(aws ssm get-parameter --name /app/eu/bucket --query Parameter.Value --output text)" = \
  "my-eu-bucket" ] || fail "get-parameter"
[ "$(aws ssm get-parameter --name /app/eu/secret --with-decryption --query Parameter.Value \
  --output text)" = "s3cr3t" ] || fail "with-decryption"
names=$(aws ssm get-parameters-by-path --path /app/eu --query 'Parameters[].Name' --output text)
[ "$names" = "$(printf '/app/eu/bucket\t/app/eu/secret')" ] || fail "by-path: $names"
names=$(aws ssm get-parameters-by-path --path /app --recursive --query 'Parameters[].Name' \
  --output text | tr '\t' ' ')
[ "$names" = "/app/eu/bucket /app/eu/deep/x /app/eu/secret" ] || fail "recursive: $names"
# Regions are separate.
out=$(aws ssm get-parameter --name /app/eu/bucket --region us-east-1 2>&1) && fail "cross-region"
echo "$out" | grep -qF "An error occurred (ParameterNotFound) when calling the GetParameter operation: Parameter /app/eu/bucket not found." \
  || fail "not found text: $out"
out=$(aws ssm put-parameter --name /app/eu/bucket --value x --type String 2>&1) && fail "dup"
echo "$out" | grep -q ParameterAlreadyExists || fail "dup: $out"

# cloudformation package: uploads the function code zip to the eu bucket, rewrites CodeUri.
aws s3 mb s3://artifacts-eu --region eu-west-1 >/dev/null
mkdir -p "$work/sam/src"
echo 'def handler(e, c): return "ok"' >"$work/sam/src/app.py"
cat >"$work/sam/template.yaml" <<'YAML'
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
YAML
aws cloudformation package --template-file "$work/sam/template.yaml" --s3-bucket artifacts-eu \
  --s3-prefix pkg --output-template-file "$work/sam/packaged.yaml" >"$work/pkg.out" 2>&1 \
  || fail "package: $(cat "$work/pkg.out")"
uri=$(grep CodeUri "$work/sam/packaged.yaml" | awk '{print $2}')
[[ "$uri" =~ ^s3://artifacts-eu/pkg/[0-9a-f]{32}$ ]] || fail "CodeUri $uri"
key=${uri#s3://artifacts-eu/}
aws s3 cp "s3://artifacts-eu/$key" "$work/code.zip" >/dev/null
unzip -l "$work/code.zip" | grep -q app.py || fail "package zip lacks app.py"
echo "cli ssm + package: ok"
