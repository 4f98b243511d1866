#!/bin/sh
# Nightly base backup of the primary (cron or a Kubernetes CronJob), as the postgres user.
# Keeps BACKUP_KEEP backups; WAL older than the oldest kept backup may then be removed from the
# archive (pg_archivecleanup with that backup's .backup file).
# Usage: PGHOST=pg-primary PGUSER=replicator base-backup.sh
set -eu
root="${BACKUP_DIR:-/var/lib/postgresql/base-backups}"
keep="${BACKUP_KEEP:-7}"
target="$root/$(date -u +%Y%m%dT%H%M%SZ)"
pg_basebackup --pgdata="$target" --format=tar --gzip --wal-method=stream \
  --checkpoint=fast --progress --verbose --manifest-checksums=SHA256
pg_verifybackup --no-parse-wal "$target"
echo "base backup written to $target"
ls -1d "$root"/*/ | sort | head -n "-$keep" | xargs -r rm -rf
