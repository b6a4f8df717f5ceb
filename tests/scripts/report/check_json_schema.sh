#!/bin/bash
# report.json of a succeeded and a failed sample run validates against the published JSON Schema,
# and a broken copy does not (so the check can fail).
# Usage: check_json_schema.sh RENDER_SAMPLE WORKDIR SCHEMA
set -euo pipefail
render=$1 work=$2 schema=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
py=$(python_with_jsonschema)
rm -rf "$work" && mkdir -p "$work"
"$render" "$work"
"$py" - "$schema" "$work/succeeded/report.json" "$work/failed/report.json" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    if errors:
        sys.exit(1)
broken = json.load(open(sys.argv[3]))
broken["stages"][0]["actions"][0]["status"] = "Exploded"
del broken["stages"][0]["actions"][0]["region"]
if len(list(v.iter_errors(broken))) < 2:
    print("schema accepted a broken report", file=sys.stderr)
    sys.exit(1)
print("report.json: both runs validate; a broken copy is rejected")
PY
