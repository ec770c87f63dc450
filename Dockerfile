# syntax=docker/dockerfile:1
# Multi-stage: the web UI is built with Node, the app with Maven; the image runs on a JRE as a non-root user.

FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend/ ./
RUN npm run build

FROM maven:3.9-eclipse-temurin-21 AS app
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline -Dfrontend.skip=true || true
COPY src ./src
COPY --from=web /src/frontend/dist ./frontend/dist
# the UI was built in the stage above; the jar packs frontend/dist as its static content
RUN mvn -B -q package -DskipTests -Dfrontend.skip=true

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 healthconnect \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin healthconnect
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
COPY --from=app /src/target/health-connect.jar /tmp/health-connect.jar
# Start-up: the jar extracted (health-connect.jar + lib/) and an AOT cache of the classes a start loads, written by
# one training run that starts the context on a throwaway in-memory database and exits (JDK 25; 10-15 s -> about 5 s
# to health UP on 2 cores, docs/PERFORMANCE.md). Nothing of the run stays but the cache; if it fails, the image
# starts without a cache (the JVM only logs that it could not map it).
RUN java -Djarmode=tools -jar /tmp/health-connect.jar extract --destination /app \
 && rm /tmp/health-connect.jar \
 && (cd /tmp && java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/health-connect.jar \
      --healthconnect.mongo.embedded.storage=memory --healthconnect.demo-data=false \
      --healthconnect.jwt.secret=aot-training-run-only-never-used-to-sign-anything \
    || rm -f /app/app.aot) \
 && rm -rf /tmp/data /tmp/*.aot.config \
 && mkdir -p /app/data && chown 10001:10001 /app/data
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/health-connect.jar"]
