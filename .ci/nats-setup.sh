#!/usr/bin/env bash
# Starts NATS with JetStream at 127.0.0.1:4222 if nothing answers there (idempotent).
# The event tests (relay, subscriptions across replicas) publish to and consume from it.
set -euo pipefail

nats_up() { (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; }

if ! nats_up; then
  if [ ! -x /usr/sbin/nats-server ] && ! command -v nats-server >/dev/null 2>&1; then
    echo "nats-server is not installed; installing from Debian packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null
  fi
  echo "Starting NATS with JetStream" >&2
  STORE_DIR=/var/lib/nats-server
  mkdir -p "$STORE_DIR" 2>/dev/null || STORE_DIR="$(mktemp -d)"
  start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server || echo /usr/sbin/nats-server)" -- \
    -a 127.0.0.1 -p 4222 -js -sd "$STORE_DIR"
  for _ in $(seq 1 30); do
    nats_up && break
    sleep 1
  done
fi
nats_up || { echo "NATS did not start at 127.0.0.1:4222" >&2; exit 1; }
echo "NATS ready at 127.0.0.1:4222 (JetStream)" >&2
