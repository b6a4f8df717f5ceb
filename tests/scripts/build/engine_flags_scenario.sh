#!/usr/bin/env bash
# `pipemu scenario run --engine-files copy --fakes-host HOST`: a scenario whose builds run in
# Docker gets its files copied in (no mounts under /codebuild) and AWS_ENDPOINT_URL at HOST, and
# its aws CLI calls reach the fakes there (the packaged templates deploy in all three regions).
# A volume left by a pipemu process that is gone is removed when the scenario picks the Docker
# executor, and the run says so on stderr, naming the scenario.
source "$(dirname "$0")/engine_flags_common.sh"
sh -c 'exit 0' & dead=$!
wait $dead
stale=pipemu-test-stale-$RANDOM$RANDOM
docker volume create --label pipemu.build=t --label "pipemu.owner=$(hostname):$dead" "$stale" >/dev/null ||
  fail "volume create"
trap 'docker volume rm -f "$stale" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/suite/engine-flags"
cp -R "$ROOT/scenarios/common" "$WORK/suite/common"
add_probe "$WORK/suite/common/service"
cat > "$WORK/suite/engine-flags/scenario.yaml" <<YAML
name: engine-flags
description: The flagship's build in Docker, with the engine flags of \`pipemu scenario run\`.
given:
  pipeline: //common/pipeline.yaml
  region: eu-west-1
  executor: docker
  repository:
    fixture: //common/service
    branch: master
  state:
    eu-west-1:
      parameters:
        /Environment/EU/SourceCodeStorage: service-x-artifacts-eu
        /Environment/US/SourceCodeStorage: service-x-artifacts-us
        /Environment/AU/SourceCodeStorage: service-x-artifacts-au
      buckets: [service-x-artifacts-eu]
      exports:
        GenericCodeBuildRoleArn: arn:aws:iam::123456789012:role/generic-codebuild
        GenericCodePipelineRoleArn: arn:aws:iam::123456789012:role/generic-codepipeline
        GenericCloudFormationRoleArn: arn:aws:iam::123456789012:role/generic-cloudformation
        GitHubOauthToken: not-a-real-token
    us-east-1:
      buckets: [service-x-artifacts-us]
    ap-southeast-2:
      buckets: [service-x-artifacts-au]
when:
  push: master
then:
  status: Succeeded
  stages: {Source: Succeeded, Build: Succeeded, Deploy: Succeeded}
  logs:
    CodeBuild: "$PROBE"
YAML
"$PIPEMU" scenario run "$WORK/suite/engine-flags" --engine-files copy --fakes-host "$HOST" --report "$WORK/report" \
  > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" "$WORK/suite/engine-flags/scenario.yaml" >&2; fail "scenario failed"; }
expect_in "$WORK/out.txt" "PASS  engine-flags"
grep -qE "^scenario engine-flags: removed [0-9]+ (containers? and [0-9]+ )?volumes? left in the Docker engine by pipemu processes that are gone \(pids? ([0-9]+, )*$dead(, [0-9]+)*\)$" "$WORK/out.txt" ||
  { cat "$WORK/out.txt" >&2; fail "no line saying the scenario removed the stale volume"; }
[ -z "$(docker volume ls -q --filter "name=^$stale$")" ] || fail "the dead process's volume is still there"
expect_in "$WORK/report/engine-flags/run.json" "$PROBE"
echo "OK: scenario builds with files copied and the fakes at $HOST"
