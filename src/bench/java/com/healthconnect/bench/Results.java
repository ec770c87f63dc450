package com.healthconnect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Every figure the run produces, printed as it comes ({@code key=value}, with {@code PASS}/{@code FAIL} and the target
 * when the issue sets one) and written to {@code results.txt} and {@code results.json} at the end.
 */
final class Results {

	private final List<String> lines = new ArrayList<>();
	private final Map<String, Object> figures = new LinkedHashMap<>();
	private final Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
	private final Map<String, String> meta = new LinkedHashMap<>();

	synchronized void meta(String key, String value) {
		meta.put(key, value);
		emit("# " + key + ": " + value);
	}

	synchronized void note(String text) {
		emit("# " + text);
	}

	synchronized void figure(String key, Object value) {
		figures.put(key, value);
		emit(key + "=" + format(value));
	}

	/** A figure with a target: {@code atMost} true means value ≤ limit passes, else value ≥ limit passes. */
	synchronized boolean check(String key, double value, boolean atMost, double limit) {
		boolean pass = atMost ? value <= limit : value >= limit;
		figures.put(key, value);
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("value", value);
		check.put("target", (atMost ? "<=" : ">=") + format(limit));
		check.put("pass", pass);
		checks.put(key, check);
		emit(key + "=" + format(value) + "  " + (pass ? "PASS" : "FAIL") + " (target " + (atMost ? "<= " : ">= ")
				+ format(limit) + ")");
		return pass;
	}

	/** A latency target that nothing was measured against: a failed check with no value. */
	private synchronized boolean nothingArrived(String key, double limit) {
		figures.put(key, "none");
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("value", "none");
		check.put("target", "<=" + format(limit));
		check.put("pass", false);
		checks.put(key, check);
		emit(key + "=none  FAIL (target <= " + format(limit) + "; nothing arrived)");
		return false;
	}

	synchronized boolean checkExactly(String key, long value, long expected) {
		boolean pass = value == expected;
		figures.put(key, value);
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("value", value);
		check.put("target", "=" + expected);
		check.put("pass", pass);
		checks.put(key, check);
		emit(key + "=" + value + "  " + (pass ? "PASS" : "FAIL") + " (target = " + expected + ")");
		return pass;
	}

	/**
	 * Count, p50, p99, p99.9 and max of a histogram recorded in microseconds, as milliseconds; the p99 checked against
	 * {@code p99TargetMs} unless that is null.
	 */
	boolean latencies(String prefix, Histogram micros, Double p99TargetMs) {
		figure(prefix + ".count", micros.getTotalCount());
		figure(prefix + ".p50_ms", ms(micros.getValueAtPercentile(50)));
		double p99 = ms(micros.getValueAtPercentile(99));
		boolean pass = true;
		if (p99TargetMs == null) {
			figure(prefix + ".p99_ms", p99);
		}
		else {
			pass = micros.getTotalCount() == 0 ? nothingArrived(prefix + ".p99_ms", p99TargetMs)
					: check(prefix + ".p99_ms", p99, true, p99TargetMs);
		}
		figure(prefix + ".p999_ms", ms(micros.getValueAtPercentile(99.9)));
		figure(prefix + ".max_ms", ms(micros.getMaxValue()));
		return pass;
	}

	/** Median, fastest and slowest of a few timed runs (milliseconds), as {@code <prefix>.{median,min,max}_ms}. */
	void spread(String prefix, List<Long> values) {
		if (values.isEmpty()) {
			return;
		}
		List<Long> sorted = values.stream().sorted().toList();
		figure(prefix + ".median_ms", median(sorted));
		figure(prefix + ".min_ms", sorted.get(0));
		figure(prefix + ".max_ms", sorted.get(sorted.size() - 1));
	}

	static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	static double ms(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

	synchronized boolean allPassed() {
		return checks.values().stream().allMatch(c -> Boolean.TRUE.equals(c.get("pass")));
	}

	synchronized long failures() {
		return checks.values().stream().filter(c -> !Boolean.TRUE.equals(c.get("pass"))).count();
	}

	synchronized void write(Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve("results.txt"), lines);
		StringBuilder json = new StringBuilder("{\n  \"meta\": ");
		object(json, meta);
		json.append(",\n  \"figures\": ");
		object(json, figures);
		json.append(",\n  \"checks\": {");
		boolean first = true;
		for (var entry : checks.entrySet()) {
			json.append(first ? "\n    " : ",\n    ").append(quote(entry.getKey())).append(": ");
			object(json, entry.getValue());
			first = false;
		}
		json.append("\n  }\n}\n");
		Files.writeString(dir.resolve("results.json"), json);
	}

	private void emit(String line) {
		lines.add(line);
		System.out.println(line);
		System.out.flush();
	}

	private static void object(StringBuilder json, Map<String, ?> map) {
		json.append('{');
		boolean first = true;
		for (var entry : map.entrySet()) {
			json.append(first ? "" : ", ").append(quote(entry.getKey())).append(": ");
			Object v = entry.getValue();
			json.append(v instanceof Number || v instanceof Boolean ? format(v) : quote(String.valueOf(v)));
			first = false;
		}
		json.append('}');
	}

	private static String format(Object value) {
		if (value instanceof Double d) {
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
					: String.format(Locale.ROOT, "%.1f", d);
		}
		return String.valueOf(value);
	}

	private static String quote(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
	}
}
