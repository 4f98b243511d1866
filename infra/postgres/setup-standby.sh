#!/bin/sh
# Builds a streaming standby from the running primary, as the postgres user on the standby host.
# The same steps are exercised by `npm run drill:standby` on throwaway clusters.
# Usage: PGHOST=pg-primary PGUSER=replicator setup-standby.sh /var/lib/postgresql/18/main
set -eu
data="$1"
psql -d postgres -Atc "SELECT 1 FROM pg_replication_slots WHERE slot_name = 'tandem_standby'" | grep -q 1 ||
  psql -d postgres -c "SELECT pg_create_physical_replication_slot('tandem_standby', true)"
pg_basebackup --pgdata="$data" --wal-method=stream --checkpoint=fast --progress --slot=tandem_standby
# standby.conf names the connection (application_name=tandem_standby, which the primary's
# synchronous_standby_names expects); the replicator's password comes from ~postgres/.pgpass.
cp "$(dirname "$0")/standby.conf" "${PGCONF_DIR:-/etc/postgresql/18/main/conf.d}/tandem-standby.conf"
touch "$data/standby.signal"
echo "Standby prepared in $data. Start PostgreSQL there; check pg_stat_replication on the primary."
