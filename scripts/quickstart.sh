#!/usr/bin/env bash
# Quick start: install, build, migrate, load the demo data and run web and worker in one process.
# Needs PostgreSQL and Redis running (see README); settings come from the environment or from ./.env.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -f .env ]]; then
  set -a
  # shellcheck disable=SC1091
  . ./.env
  set +a
fi

if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  echo "kursors: Node.js 20.19 or newer is needed (found $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

# Install unless node_modules already matches the lock file.
if [[ -f package-lock.json ]]; then
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "==> npm ci"
    npm ci --no-audit --no-fund
  fi
else
  echo "==> npm install"
  npm install --no-audit --no-fund
fi

echo "==> build"
npm run --silent build

# Checks PostgreSQL and Redis (one clear line and exit 1 when either is missing), creates the database,
# applies the migrations, loads the demo users (again and again without harm) and prints the logins.
echo "==> database and demo data"
node dist/demo/seed.js

echo "==> starting web and worker (Ctrl+C stops both)"
exec node dist/start.js
