#!/usr/bin/env bash
# Starts Redis at 127.0.0.1:6379 if nothing answers there (idempotent), and makes sure redis-server
# is installed: the rate-limit tests share the machine's Redis and start a private one for the
# outage drill (apps/gateway/test/security/rate-limit-redis.e2e-spec.ts).
set -euo pipefail

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is not installed; installing from Debian packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! redis_up; then
  echo "Starting Redis" >&2
  start-stop-daemon --start --oknodo --background --exec "$(command -v redis-server)" -- \
    --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do
    redis_up && break
    sleep 1
  done
fi
redis_up || { echo "Redis did not start at 127.0.0.1:6379" >&2; exit 1; }
echo "Redis ready at 127.0.0.1:6379" >&2
