#!/usr/bin/env bash
# Starts MariaDB if it is not running and creates the test user (idempotent).
# User arbetsliv/arbetsliv may create and drop databases named arbetsliv_* (one per test file).
set -euo pipefail

if ! mariadb-admin --protocol=tcp -h 127.0.0.1 -uroot ping >/dev/null 2>&1; then
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "MariaDB is not installed; installing from Debian packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  echo "Starting MariaDB" >&2
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    mariadb-admin --protocol=tcp -h 127.0.0.1 -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
fi

mariadb --protocol=tcp -h 127.0.0.1 -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'arbetsliv'@'localhost' IDENTIFIED BY 'arbetsliv';
CREATE USER IF NOT EXISTS 'arbetsliv'@'127.0.0.1' IDENTIFIED BY 'arbetsliv';
GRANT ALL PRIVILEGES ON `arbetsliv\_%`.* TO 'arbetsliv'@'localhost';
GRANT ALL PRIVILEGES ON `arbetsliv\_%`.* TO 'arbetsliv'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS arbetsliv_dev CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci;
CREATE DATABASE IF NOT EXISTS arbetsliv_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci;
FLUSH PRIVILEGES;
SQL
echo "MariaDB ready at 127.0.0.1:3306 (user arbetsliv)" >&2
