# Sourced by the report script tests: install a missing Debian package when we are root (as
# tools/lib.sh does for the build), otherwise fail naming it.
need_package() {  # need_package COMMAND PACKAGE
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null || { echo "missing $1: apt-get install $2" >&2; exit 1; }
}

# A python3 that can import jsonschema: the one on PATH, else Debian's with python3-jsonschema.
python_with_jsonschema() {
  if python3 -c 'import jsonschema' 2>/dev/null; then echo python3; return 0; fi
  if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null 2>&1 || true
  fi
  if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then echo /usr/bin/python3; return 0; fi
  echo "missing the jsonschema Python module: apt-get install python3-jsonschema" >&2
  exit 1
}
