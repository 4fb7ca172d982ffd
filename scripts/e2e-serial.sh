#!/usr/bin/env bash
# Run Playwright with a machine-wide lock: e2e runs share .next (the production build) and port 3100.
exec flock /tmp/csm-e2e.lock npx playwright test "$@"
