#!/bin/sh
# Run the test suite against a real Neo4j: the project's own test server unless NEO4J_URI is
# set. Starts that server first (so its set-up is not hidden inside a test), stops it after,
# and fails when pytest collected nothing (pytest's exit code 5) rather than passing silently.
set -u
started=0
if [ -z "${NEO4J_URI:-}" ]; then
  if ! kg neo4j status >/dev/null 2>&1; then
    kg neo4j start || exit 1
    started=1
  fi
fi
python -m pytest "$@"
status=$?
[ "$started" -eq 1 ] && kg neo4j stop
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
