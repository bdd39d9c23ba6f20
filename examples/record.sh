#!/bin/sh
# Re-records examples/*/sequelize-cli*.schema: each example project run by real
# sequelize-cli (6.6.5 with ts-node and @babel/register; 5.5.1 with Sequelize
# 5.22.5 for legacy-v5) on SQLite and, when freshdb reaches them
# (SQZJS_TEST_POSTGRES_DSN, SQZJS_TEST_MYSQL_DSN, or the default local
# servers), PostgreSQL, MySQL and MariaDB, the database dumped after every step.
# Needs Node, npm and the oracle's node_modules (npm ci --prefix
# compat-tests/oracle). Installs into a scratch folder, never into the repo.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
oracle=$root/compat-tests/oracle/node_modules
work=${SQZJS_EXAMPLES_ORACLE_DIR:-${TMPDIR:-/tmp}/sqzjs-examples-oracle}
mkdir -p "$work/v6" "$work/v5"

cd "$work/v6"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-audit --no-fund ts-node@10.9.2 typescript@5 @babel/register@7 @babel/core@7 @babel/preset-env@7 dotenv@16
for p in sequelize-cli sequelize sqlite3; do ln -sfn "$oracle/$p" "node_modules/$p"; done

cd "$work/v5"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-audit --no-fund sequelize@5.22.5 sequelize-cli@5.5.1
for p in sqlite3 pg pg-hstore mysql2 mariadb; do ln -sfn "$oracle/$p" "node_modules/$p"; done

cd "$root"
SQZJS_ORACLE_NODE_MODULES=$work/v6/node_modules SQZJS_ORACLE5_NODE_MODULES=$work/v5/node_modules \
	go test ./examples -run TestExamples -count=1 -record
