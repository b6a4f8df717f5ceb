#!/bin/bash
# junit.xml of a succeeded and a failed sample run validates against the JUnit XSD.
# Usage: check_junit_xsd.sh RENDER_SAMPLE WORKDIR
set -euo pipefail
render=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need_package xmllint libxml2-utils
rm -rf "$work" && mkdir -p "$work"
"$render" "$work"
for run in succeeded failed; do
  xmllint --noout --schema "$here/junit.xsd" "$work/$run/junit.xml"
done
# The failed run must carry exactly one failure, with AWS's message.
grep -c '<failure message="No export named SnsTopicArn found." type="JobFailed">' \
  "$work/failed/junit.xml" | grep -qx 1
echo "junit.xml: both runs validate"
