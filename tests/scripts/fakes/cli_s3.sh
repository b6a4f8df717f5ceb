#!/usr/bin/env bash
# The real aws CLI (python, v1) against `pipemu serve`: s3 mb/cp/ls/rm/sync, a multipart copy
# (> 8 MiB), and a bucket in another region. Usage: cli_s3.sh <pipemu binary>
set -euo pipefail
PIPEMU=$1
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
"$PIPEMU" serve --port 0 --port-file "$work/port" --state "$work/state" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
export AWS_ENDPOINT_URL=http://127.0.0.1:$(cat "$work/port") AWS_ACCESS_KEY_ID=x \
  AWS_SECRET_ACCESS_KEY=y AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null \
  AWS_SHARED_CREDENTIALS_FILE=/dev/null
fail() { echo "FAIL: $*"; cat "$work/log"; exit 1; }

aws s3 mb s3://pipemu-us | grep -q "make_bucket: pipemu-us" || fail "mb us-east-1"
aws s3 mb s3://pipemu-eu --region eu-west-1 | grep -q "make_bucket: pipemu-eu" || fail "mb eu"
out=$(aws s3 mb s3://pipemu-eu --region eu-west-1 2>&1) && fail "second mb succeeded"
echo "$out" | grep -q "BucketAlreadyOwnedByYou" || fail "second mb: $out"
loc=$(aws s3api get-bucket-location --bucket pipemu-eu --output text)
[ "$loc" = "eu-west-1" ] || fail "location $loc"

echo "hello pipemu" >"$work/small.txt"
head -c $((20 * 1024 * 1024 + 123)) /dev/urandom >"$work/big.bin"
aws s3 cp "$work/small.txt" s3://pipemu-us/dir/small.txt >/dev/null
aws s3 cp "$work/big.bin" s3://pipemu-eu/big.bin --region eu-west-1 >/dev/null
etag=$(aws s3api head-object --bucket pipemu-eu --key big.bin --region eu-west-1 \
  --query ETag --output text)
[[ "$etag" == *-3\" ]] || fail "multipart etag $etag (expected 3 parts of 8 MiB)"
aws s3 cp s3://pipemu-eu/big.bin "$work/big.back" --region eu-west-1 >/dev/null
cmp "$work/big.bin" "$work/big.back" || fail "multipart round trip differs"
aws s3 cp s3://pipemu-us/dir/small.txt - | grep -q "hello pipemu" || fail "cp to stdout"

# A client configured for the wrong region still works: botocore follows S3's 301.
aws s3 cp s3://pipemu-eu/big.bin "$work/big.redirected" --region us-east-1 >/dev/null
cmp "$work/big.bin" "$work/big.redirected" || fail "redirected download differs"

mkdir -p "$work/tree/a/b"
echo one >"$work/tree/one.txt"; echo two >"$work/tree/a/two.txt"; echo three >"$work/tree/a/b/3.txt"
aws s3 sync "$work/tree" s3://pipemu-us/tree >/dev/null
listing=$(aws s3 ls s3://pipemu-us/tree/ --recursive | awk '{print $4}' | sort | tr '\n' ' ')
[ "$listing" = "tree/a/b/3.txt tree/a/two.txt tree/one.txt " ] || fail "sync listing: $listing"
top=$(aws s3 ls s3://pipemu-us/tree/ | tr -s ' ' | tr '\n' '|')
[ "$top" = " PRE a/|" ] || [[ "$top" == " PRE a/|"*"one.txt|" ]] || fail "ls delimiter: $top"
# A second sync uploads nothing.
[ -z "$(aws s3 sync "$work/tree" s3://pipemu-us/tree)" ] || fail "second sync uploaded again"
mkdir "$work/down"
aws s3 sync s3://pipemu-us/tree "$work/down" >/dev/null
diff -r "$work/tree" "$work/down" || fail "sync down differs"

aws s3 rm s3://pipemu-us/tree --recursive >/dev/null
[ -z "$(aws s3 ls s3://pipemu-us/tree/ || true)" ] || fail "rm --recursive left objects"
out=$(aws s3 rb s3://pipemu-eu --region eu-west-1 2>&1) && fail "rb non-empty bucket succeeded"
echo "$out" | grep -q "BucketNotEmpty" || fail "rb: $out"
aws s3 rm s3://pipemu-eu/big.bin --region eu-west-1 >/dev/null
aws s3 rb s3://pipemu-eu --region eu-west-1 >/dev/null
buckets=$(aws s3 ls | awk '{print $3}' | tr '\n' ' ')
[ "$buckets" = "pipemu-us " ] || fail "buckets: $buckets"
echo "cli s3: ok"
