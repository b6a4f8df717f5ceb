# Shared by the engine flag tests (serve, webhook, scenario run): the flagship repository whose
# build also prints "mounts=N endpoint=URL" (N: mounts under /codebuild, 0 when its files were
# copied in; URL: the AWS_ENDPOINT_URL it got), and this machine's address as --fakes-host.
source "$(dirname "$0")/../run/common.sh"
HOST=$(hostname -I 2>/dev/null | awk '{print $1}')
HOST=${HOST:-127.0.0.1}
PROBE="mounts=0 endpoint=http://$HOST:"
add_probe() {  # add_probe SERVICE_DIR: the print, after the build's last command
  python3 - "$1/amazon/pipeline/production/buildspec.yaml" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().splitlines(True)
last = max(i for i, l in enumerate(lines) if "--output-template-file us.lambda.yaml" in l)
probe = "      - echo \"mounts=$(grep -c ' /codebuild' /proc/self/mountinfo || true) endpoint=$AWS_ENDPOINT_URL\"\n"
lines.insert(last + 1, probe)
open(path, "w").writelines(lines)
PY
}
make_probe_repo() {  # make_probe_repo DIR
  make_repo "$1"
  add_probe "$1"
  git -C "$1" -c user.name=t -c user.email=t@example.com commit -qam "print the build's files and endpoint"
}
