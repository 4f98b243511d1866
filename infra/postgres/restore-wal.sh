#!/bin/sh
# restore_command: copies one WAL segment back from the archive. Exits non-zero when the segment
# is not there (PostgreSQL then ends recovery or waits for streaming).
# Usage (PostgreSQL calls it): tandem-restore-wal %f %p
set -eu
dir="${ARCHIVE_DIR:-/var/lib/postgresql/wal-archive}"
[ -f "$dir/$1" ] || exit 1
cp "$dir/$1" "$2"
