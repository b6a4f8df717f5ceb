#!/usr/bin/env bash
# The flagship replay twice on one state directory, then history, diff and state.
source "$(dirname "$0")/common.sh"
make_repo "$WORK/repo"
run() {
  "$PIPEMU" run "$PIPELINE" --repo "$WORK/repo" --branch master \
    --region eu-west-1 --state "$WORK/state" --executor local --report "$WORK/report-$1" "${BOOT[@]}" \
    > "$WORK/out-$1.txt" 2>&1 || { cat "$WORK/out-$1.txt" >&2; fail "run $1 failed"; }
}
run 1
R=$WORK/report-1/report.json
[[ $(json "$R" "d['status']") == Succeeded ]] || fail "status"
[[ $(json "$R" "len(d['stages'])") == 3 ]] || fail "stages"
[[ $(json "$R" "sorted(set(a['region'] for s in d['stages'] for a in s['actions']))") == \
   "['ap-southeast-2', 'eu-west-1', 'us-east-1']" ]] || fail "regions"
# The package artifact was copied into each region's store before that region's actions read it.
[[ $(json "$R" "sorted(l['region'] for a in d['artifacts'] if a['name']=='package' for l in a['locations'])") == \
   "['ap-southeast-2', 'eu-west-1', 'us-east-1']" ]] || fail "package copies"
[[ $(json "$R" "[l['key'].split('/')[:2] for a in d['artifacts'] if a['name']=='src' for l in a['locations']][0]") == \
   "['service-x', 'src']" ]] || fail "artifact key layout"
for region in eu-west-1 us-east-1 ap-southeast-2; do
  [[ $(json "$R" "[s['status'] for s in d['stacks'] if s['region']=='$region' and s['stack_name']=='service-x-infrastructure'][-1]") == \
     CREATE_COMPLETE ]] || fail "infrastructure stack in $region"
done
[[ -s $WORK/report-1/junit.xml && -s $WORK/report-1/report.html ]] || fail "junit/html"
expect_in "$WORK/out-1.txt" "Reports: $WORK/report-1/report.html"

run 2  # same commit: the infrastructure stacks have nothing to update (success)
R2=$WORK/report-2/report.json
[[ $(json "$R2" "d['status']") == Succeeded ]] || fail "second status"
[[ $(json "$R2" "[a['summary'] for s in d['stages'] for a in s['actions'] if a['name']=='us-infrastructure'][0]") == \
   "Stack service-x-infrastructure: no changes (CREATE_COMPLETE)" ]] || fail "no-change update on the second run"

"$PIPEMU" history --state "$WORK/state" > "$WORK/history.txt"
[[ $(grep -c Succeeded "$WORK/history.txt") == 2 ]] || { cat "$WORK/history.txt"; fail "history"; }
"$PIPEMU" diff previous latest --state "$WORK/state" > "$WORK/diff.txt"
expect_in "$WORK/diff.txt" "$(json "$R" "d['execution_id']") -> $(json "$R2" "d['execution_id']")"
"$PIPEMU" state --state "$WORK/state" --region us-east-1 > "$WORK/state.txt"
expect_in "$WORK/state.txt" "service-x-infrastructure  CREATE_COMPLETE"
expect_in "$WORK/state.txt" "service-x-artifacts-us  (us-east-1)"
echo "ok"
