#!/bin/sh
# Run the whole test suite. Its fixtures start the project's test Neo4j server (and stop it
# at the end) unless one is already running; see tests/conftest.py. pytest's exit code 5
# ("no tests collected") is turned into a failure rather than passing silently.
python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
