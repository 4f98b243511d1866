#!/bin/sh
# archive_command: copies one finished WAL segment to the archive (ARCHIVE_DIR, a mounted volume
# or a synced folder on another machine). Never overwrites: an existing segment with the same name
# is only accepted when identical, so a retried archive call succeeds and a conflict is reported.
# Usage (PostgreSQL calls it): tandem-archive-wal %p %f
set -eu
src="$1"; name="$2"; dir="${ARCHIVE_DIR:-/var/lib/postgresql/wal-archive}"
if [ -f "$dir/$name" ]; then
  cmp -s "$src" "$dir/$name" && exit 0
  echo "tandem-archive-wal: $name already archived with different content" >&2
  exit 1
fi
cp "$src" "$dir/$name.tmp"
sync "$dir/$name.tmp"
mv "$dir/$name.tmp" "$dir/$name"
