package com.healthconnect.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code bench.*} system properties; the Maven profile passes each through with its default. */
record Config(Set<String> scenarios, Path appJar, String appJava, List<String> appJvmArgs, List<String> appArgs,
		int bcryptCost, Path outDir, Path screenshotsDir, int setupConcurrency, List<Integer> relayPairs,
		int relaySeconds, int relayRate, int capacitySessions, int capacityRelayPairs, int capacityRelaySeconds,
		int chatPairs, int chatRate, int chatSeconds, int restDoctors, int restConcurrency, int restSeconds,
		int restWarmupSeconds, int restRate, int restRateConnections, int bookingContenders, int heartbeatMs, int warmupSeconds, int startupRuns, boolean failOnTarget, String storage,
		List<Integer> bookingRates, int bookingRateSeconds, int bookingRateWarmupSeconds, boolean deflate,
		int crossPairs, int crossSeconds, int crossReconnects, int callFloorCalls, int appCallCalls, int appCallLatencyMs) {

	static Config fromSystemProperties() {
		return new Config(new LinkedHashSet<>(list("bench.scenarios", "startup,relay,capacity,chat,rest,booking")),
				Path.of(str("bench.appJar", "target/health-connect.jar")), str("bench.appJava", ""),
				words(str("bench.appJvmArgs", "-Xmx1g")), words(str("bench.appArgs", "")),
				integer("bench.bcryptCost", 4), Path.of(str("bench.outDir", "target/bench")),
				Path.of(str("bench.screenshotsDir", "target/screenshots")), integer("bench.setup.concurrency", 8),
				list("bench.relay.pairs", "500,2000").stream().map(Integer::parseInt).toList(),
				integer("bench.relay.seconds", 30), integer("bench.relay.rate", 10),
				integer("bench.capacity.sessions", 10_000), integer("bench.capacity.relayPairs", 500),
				integer("bench.capacity.relaySeconds", 30), integer("bench.chat.pairs", 100),
				integer("bench.chat.rate", 500), integer("bench.chat.seconds", 30), integer("bench.rest.doctors", 1000),
				integer("bench.rest.concurrency", 32), integer("bench.rest.seconds", 30),
				integer("bench.rest.warmupSeconds", 10), integer("bench.rest.rate", 2000),
				integer("bench.rest.rateConnections", 32), integer("bench.booking.contenders", 200),
				integer("bench.heartbeatMs", 10_000),
				integer("bench.warmupSeconds", 60), integer("bench.startup.runs", 3), Boolean.parseBoolean(str("bench.failOnTarget", "false")),
				str("bench.storage", "memory"),
				list("bench.booking.rates", "100").stream().map(Integer::parseInt).toList(),
				integer("bench.booking.rateSeconds", 20), integer("bench.booking.rateWarmupSeconds", 5),
				Boolean.parseBoolean(str("bench.deflate", "true")), integer("bench.cross.pairs", 500),
				integer("bench.cross.seconds", 30), integer("bench.cross.reconnects", 50),
				integer("bench.callfloor.calls", 10), integer("bench.appcall.calls", 10),
				integer("bench.appcall.latencyMs", 0));
	}

	boolean runs(String scenario) {
		return scenarios.contains(scenario);
	}

	private static String str(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() ? fallback : value.strip();
	}

	private static int integer(String name, int fallback) {
		return Integer.parseInt(str(name, String.valueOf(fallback)));
	}

	private static List<String> list(String name, String fallback) {
		return Arrays.stream(str(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).toList();
	}
}
