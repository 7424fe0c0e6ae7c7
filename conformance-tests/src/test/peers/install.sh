#!/usr/bin/env bash
# Installs the peer brokers the calibration tests start (PeerBroker.java), each from a pinned version:
#   aedes     npm ci from aedes/package-lock.json into aedes/node_modules (needs Node.js 20+ and npm)
#   moquette  the broker's classpath, resolved by Maven into moquette/target/classpath.txt
# mosquitto comes from Debian (apt-get install -y mosquitto) and is not handled here.
# Usage: install.sh [aedes] [moquette]   (both when none is named). Exits non-zero if one could not be installed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a peers <<<"${*:-aedes moquette}"
status=0
for peer in "${peers[@]}"; do
  case "$peer" in
    aedes)
      if npm ci --prefix "$here/aedes" --no-audit --no-fund --loglevel=error >/dev/null; then
        echo "peers: aedes $(node -p "require('$here/aedes/node_modules/aedes/package.json').version") installed"
      else
        echo "peers: npm ci failed in $here/aedes" >&2
        status=1
      fi
      ;;
    moquette)
      if mvn -q -B -f "$here/moquette/pom.xml" dependency:build-classpath >/dev/null; then
        echo "peers: moquette classpath written to $here/moquette/target/classpath.txt"
      else
        echo "peers: resolving the moquette classpath failed (mvn -f $here/moquette/pom.xml)" >&2
        status=1
      fi
      ;;
    *)
      echo "peers: unknown peer '$peer' (aedes, moquette)" >&2
      status=2
      ;;
  esac
done
exit $status
