package com.healthconnect.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The difference of two {@code jcmd GC.class_histogram} outputs, per session: which classes the sessions added. */
final class ClassHistogram {

	private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

	private ClassHistogram() {
	}

	record Row(String type, long instances, long bytes) {
	}

	static Map<String, Row> parse(String histogram) {
		Map<String, Row> rows = new HashMap<>();
		for (String line : histogram.split("\n")) {
			Matcher m = ROW.matcher(line);
			if (m.matches()) {
				rows.put(m.group(3), new Row(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
			}
		}
		return rows;
	}

	/** One line per class that grew, largest first: bytes and instances per session, and the total. */
	static String perSession(String before, String after, int sessions) {
		Map<String, Row> was = parse(before);
		List<Row> grown = new ArrayList<>();
		long total = 0;
		for (Row now : parse(after).values()) {
			Row then = was.getOrDefault(now.type(), new Row(now.type(), 0, 0));
			Row delta = new Row(now.type(), now.instances() - then.instances(), now.bytes() - then.bytes());
			total += delta.bytes();
			if (delta.bytes() > 0) {
				grown.add(delta);
			}
		}
		grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"# %d sessions; live heap grew by %.1f KB a session (after a full GC each time)%n"
						+ "# bytes/session  objects/session  class%n",
				sessions, total / 1024.0 / sessions));
		for (Row row : grown.subList(0, Math.min(60, grown.size()))) {
			out.append(String.format(Locale.ROOT, "%14.1f %16.2f  %s%n", (double) row.bytes() / sessions,
					(double) row.instances() / sessions, row.type()));
		}
		return out.toString();
	}
}
