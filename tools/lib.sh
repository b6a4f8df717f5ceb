# Shared by tools/test, tools/demo and the bench scripts: install what is missing, build.
# Sourced, not run. Idempotent: a second call costs a dpkg query and an incremental build.

PIPEMU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PIPEMU_BUILD=${PIPEMU_BUILD:-$PIPEMU_ROOT/build}

PIPEMU_PACKAGES=(build-essential cmake pkg-config git libyaml-cpp-dev libgit2-dev libcpp-httplib-dev
  libsqlite3-dev catch2 nlohmann-json3-dev libpugixml-dev libzip-dev libarchive-dev libssl-dev libcli11-dev
  libfmt-dev zip unzip python3)
# Only the tests need these: JUnit schema checks and the headless-browser report test.
PIPEMU_TEST_PACKAGES=(libxml2-utils chromium)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ensure_packages PKG...: apt-get install only the packages dpkg does not already have.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "pipemu: need root to install: ${missing[*]} (or install them yourself)" >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# build_pipemu [cmake args...]: configure once, then build incrementally on all cores.
build_pipemu() {
  if [ ! -f "$PIPEMU_BUILD/CMakeCache.txt" ]; then
    say "configuring in $PIPEMU_BUILD"
    cmake -S "$PIPEMU_ROOT" -B "$PIPEMU_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  elif [ $# -gt 0 ]; then
    cmake -S "$PIPEMU_ROOT" -B "$PIPEMU_BUILD" "$@" >/dev/null
  fi
  say "building"
  cmake --build "$PIPEMU_BUILD" -j "$(nproc)"
}

# ensure_docker: an engine that answers, starting dockerd ourselves when none does.
# These machines have no bridge network, so builds use host networking.
ensure_docker() {
  if [ -n "${DOCKER_HOST:-}" ] && docker version >/dev/null 2>&1; then return 0; fi
  ensure_packages docker.io
  if docker version >/dev/null 2>&1; then return 0; fi
  say "starting dockerd"
  (nohup dockerd --bridge=none --iptables=false >/tmp/pipemu-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker version >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "pipemu: dockerd did not start; see /tmp/pipemu-dockerd.log" >&2
  return 1
}
