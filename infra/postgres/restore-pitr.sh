#!/bin/sh
# Point-in-time restore of a base backup into a NEW data folder (never over the damaged one).
# The same steps are exercised by `npm run drill:restore` on throwaway clusters.
# Usage: restore-pitr.sh <base-backup-folder> <new-data-folder> '<target time, e.g. 2026-12-01 14:05:00+01>'
set -eu
backup="$1"; data="$2"; target="$3"
[ ! -e "$data" ] || { echo "refusing: $data exists" >&2; exit 1; }
mkdir -m 700 "$data"
tar -xzf "$backup/base.tar.gz" -C "$data"
rm -rf "$data/pg_wal" && mkdir -m 700 "$data/pg_wal"
cat >> "$data/postgresql.auto.conf" <<CONF
restore_command = '/usr/local/bin/tandem-restore-wal %f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
CONF
touch "$data/recovery.signal"
echo "Start PostgreSQL on $data; it replays the archive up to $target and promotes itself."
echo "Then check it: DATABASE_URL=… node dist/apps/api/main.js verify-log"
