#!/bin/sh
# Builds local/mosquitto:2.0 from the mosquitto installed on this machine, without any registry: the binary, the
# libraries ldd lists, a passwd entry and a config file go into a root filesystem that `docker import` turns into
# an image. Needs /usr/sbin/mosquitto (apt-get install mosquitto) and a running Docker engine (DOCKER_HOST).
# Usage: build-mosquitto-image.sh [image-name]
set -eu
IMAGE=${1:-local/mosquitto:2.0}
MOSQUITTO=/usr/sbin/mosquitto
[ -x "$MOSQUITTO" ] || { echo "$MOSQUITTO not found: apt-get install -y mosquitto" >&2; exit 1; }

ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$ROOT/usr/sbin" "$ROOT/etc" "$ROOT/mosquitto/config" "$ROOT/tmp"
cp "$MOSQUITTO" "$ROOT/usr/sbin/mosquitto"
# every shared library the binary needs, and the dynamic loader itself, at their usual paths
for lib in $(ldd "$MOSQUITTO" | awk '/=>/ { print $3 } !/=>/ && $1 ~ /^\// { print $1 }'); do
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
done
echo 'root:x:0:0:root:/:/usr/sbin/nologin' > "$ROOT/etc/passwd"
echo 'mosquitto:x:1883:1883:mosquitto:/:/usr/sbin/nologin' >> "$ROOT/etc/passwd"
echo 'root:x:0:' > "$ROOT/etc/group"
echo 'mosquitto:x:1883:' >> "$ROOT/etc/group"
cat > "$ROOT/mosquitto/config/mosquitto.conf" <<'CONF'
listener 1883 0.0.0.0
allow_anonymous true
log_dest stderr
CONF
tar -C "$ROOT" -c . | docker import \
  --change 'EXPOSE 1883' \
  --change 'USER mosquitto' \
  --change 'CMD ["/usr/sbin/mosquitto", "-c", "/mosquitto/config/mosquitto.conf"]' \
  - "$IMAGE"
echo "built $IMAGE"
