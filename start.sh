#!/usr/bin/env bash
# Starts Gatehouse in one process: the developer portal (:8080), the admin UI (:8081) and the gateway (:8000),
# on an embedded H2 database kept in ./gatehouse-data, with demo content on first start.
# Builds first when there is no build yet or the sources changed. Arguments are passed to the applications.
set -euo pipefail
cd "$(dirname "$0")"

jar=all-in-one/target/gatehouse-all-in-one.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "Building Gatehouse (a few minutes the first time: Maven downloads its dependencies)..."
  ./mvnw -B -q -Dmaven.test.skip=true -pl all-in-one -am package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
