#!/bin/sh
# The test rig's stand-in for the official influxdb:2.x image's entrypoint, only where the product
# depends on it: on an empty data volume with DOCKER_INFLUXDB_INIT_MODE=setup, the first setup
# (user, password, org, bucket, retention, operator token) is done once, on a private port, before
# influxd listens where the stack reaches it. Written for this rig; not the official script.
set -eu
bind="${INFLUXD_HTTP_BIND_ADDRESS:-:8086}"
init_port="${INFLUXD_INIT_PORT:-9999}"

if [ "${DOCKER_INFLUXDB_INIT_MODE:-}" = setup ] && [ ! -s "$INFLUXD_BOLT_PATH" ]; then
  echo "init: first setup of org ${DOCKER_INFLUXDB_INIT_ORG} on port ${init_port}"
  INFLUXD_HTTP_BIND_ADDRESS="127.0.0.1:${init_port}" /usr/bin/influxd --log-level warn &
  pid=$!
  until influx ping --host "http://127.0.0.1:${init_port}" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "init: influxd stopped during setup"; exit 1; }
    sleep 0.2
  done
  tries=0
  until influx setup --force --host "http://127.0.0.1:${init_port}" \
      --username "${DOCKER_INFLUXDB_INIT_USERNAME}" --password "${DOCKER_INFLUXDB_INIT_PASSWORD}" \
      --org "${DOCKER_INFLUXDB_INIT_ORG}" --bucket "${DOCKER_INFLUXDB_INIT_BUCKET}" \
      --retention "${DOCKER_INFLUXDB_INIT_RETENTION:-0}" --token "${DOCKER_INFLUXDB_INIT_ADMIN_TOKEN}" >/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 25 ]; then
      # leave no half set-up data behind: the next start tries the whole setup again
      kill "$pid"; wait "$pid" || true
      rm -f "$INFLUXD_BOLT_PATH" "$INFLUXD_SQLITE_PATH"
      echo "init: setup failed"
      exit 1
    fi
    sleep 0.2
  done
  kill "$pid"
  wait "$pid" || true
  echo "init: setup done"
fi
exec /usr/bin/influxd --http-bind-address "$bind" --log-level warn
