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

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 healthconnect \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin healthconnect
WORKDIR /app
COPY --from=app /src/target/health-connect.jar /app/health-connect.jar
USER 10001:10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/health-connect.jar"]
