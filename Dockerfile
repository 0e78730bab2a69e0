# One image per deployable: docker build --build-arg MODULE=gateway-runtime|portal|admin-ui .
# The build stage is the same for all three, so building them together compiles once.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support test-support
COPY platform-core platform-core
COPY openapi-importer openapi-importer
COPY web-support web-support
COPY gateway-runtime gateway-runtime
COPY portal portal
COPY admin-ui admin-ui
COPY all-in-one all-in-one
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dmaven.test.skip=true -pl gateway-runtime,portal,admin-ui -am package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN groupadd --system gatehouse && useradd --system --gid gatehouse --home-dir /app gatehouse
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/gatehouse.jar
USER gatehouse
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/gatehouse.jar"]
