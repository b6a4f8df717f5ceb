# Shared by tools/demo and tools/bench-run: the flagship replay (source this file after lib.sh).
# flagship_repo DIR: the flagship repository (scenarios/common/service, committed on master) at DIR.
# flagship_run STATE REPORT [extra pipemu run flags]: one replay across eu-west-1, us-east-1 and
# ap-southeast-2, the state seeded by the bootstrap stacks.
flagship_repo() {
  local dir=$1
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -R "$PIPEMU_ROOT/scenarios/common/service/." "$dir/"
  (cd "$dir" && git init -q -b master && git add -A &&
     git -c user.name=pipemu -c user.email=pipemu@example.com commit -q -m "service-x: first push")
}

flagship_run() {
  local state=$1 report=$2
  shift 2
  "$PIPEMU_BIN" run "$PIPEMU_ROOT/scenarios/flagship/pipeline.yaml" \
    --repo "$FLAGSHIP_REPO" --branch master --region eu-west-1 \
    --state "$state" --report "$report" \
    --bootstrap "eu-west-1=$PIPEMU_ROOT/scenarios/flagship/bootstrap/eu-west-1.yaml" \
    --bootstrap "us-east-1=$PIPEMU_ROOT/scenarios/flagship/bootstrap/us-east-1.yaml" \
    --bootstrap "ap-southeast-2=$PIPEMU_ROOT/scenarios/flagship/bootstrap/ap-southeast-2.yaml" \
    "$@"
}
