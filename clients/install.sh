#!/usr/bin/env bash
# Builds or installs the client drivers the client suite's ClientLibrariesIT runs, each at a pinned version:
#   paho-java  a runnable jar with Eclipse Paho Java 1.2.5, built by Maven from paho-java/pom.xml
#   mqtt-js    npm ci from mqtt-js/package-lock.json into mqtt-js/node_modules (needs Node.js 20+ and npm)
# Paho Python comes from Debian (apt-get install -y python3-paho-mqtt) and is not handled here.
# Usage: install.sh [paho-java] [mqtt-js]   (both when none is named). Exits non-zero if one could not be installed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
read -r -a drivers <<<"${*:-paho-java mqtt-js}"
status=0
for driver in "${drivers[@]}"; do
  case "$driver" in
    paho-java)
      if mvn -q -B -f "$here/paho-java/pom.xml" package >/dev/null; then
        echo "clients: paho-java driver built: $here/paho-java/target/paho-java-driver.jar"
      else
        echo "clients: building the paho-java driver failed (mvn -f $here/paho-java/pom.xml package)" >&2
        status=1
      fi
      ;;
    mqtt-js)
      if npm ci --prefix "$here/mqtt-js" --no-audit --no-fund --loglevel=error >/dev/null; then
        echo "clients: mqtt-js $(node -p "require('$here/mqtt-js/node_modules/mqtt/package.json').version") installed"
      else
        echo "clients: npm ci failed in $here/mqtt-js" >&2
        status=1
      fi
      ;;
    *)
      echo "clients: unknown driver '$driver' (paho-java, mqtt-js)" >&2
      status=2
      ;;
  esac
done
exit $status
