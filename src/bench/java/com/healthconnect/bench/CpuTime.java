package com.healthconnect.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the app (from {@code /proc/<pid>/stat}, user plus system) and by this load client, with the
 * wall clock; two readings around a measured window give each process's share of the cores and its CPU per operation.
 * The part of the app's CPU spent by its JIT compiler threads is read apart ({@code /proc/<pid>/task}): on a loaded
 * box the compiler can still be busy after the warm-up, and that is start-up cost, not the cost of an operation.
 */
record CpuTime(long appNanos, long appJitNanos, long clientNanos, long wallNanos) {

	/** Linux reports {@code /proc} times in USER_HZ ticks, 100 a second on every mainstream kernel. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	static CpuTime now(long appPid) {
		return new CpuTime(readApp(appPid), jitNanos(appPid), readClient(), System.nanoTime());
	}

	/** {@code <prefix>.app_cores}, {@code .client_cores} and the CPU microseconds per operation of each. */
	void reportSince(CpuTime before, Results results, String prefix, long operations) {
		double wall = wallNanos - before.wallNanos;
		long app = appNanos - before.appNanos;
		long client = clientNanos - before.clientNanos;
		if (before.appNanos < 0 || appNanos < 0 || wall <= 0) {
			results.note(prefix + ": no CPU figures (no /proc here)");
			return;
		}
		results.figure(prefix + ".app_cores", Math.round(100 * app / wall) / 100.0);
		results.figure(prefix + ".client_cores", Math.round(100 * client / wall) / 100.0);
		if (operations > 0) {
			results.figure(prefix + ".app_cpu_us_per_op", Math.round(10.0 * app / 1000 / operations) / 10.0);
			results.figure(prefix + ".client_cpu_us_per_op", Math.round(10.0 * client / 1000 / operations) / 10.0);
			reportJit(results, prefix + ".app", appJitNanos - before.appJitNanos, operations);
		}
	}

	/**
	 * {@code <name>_jit_us_per_op}: how much of the CPU per operation the JIT compiler threads used in the window (a
	 * lower bound: a compiler thread that exits in the window takes its time with it); nothing for a process without
	 * them (a broker).
	 */
	static void reportJit(Results results, String name, long jit, long operations) {
		if (jit > 0 && operations > 0) {
			results.figure(name + "_jit_us_per_op", Math.round(10.0 * jit / 1000 / operations) / 10.0);
		}
	}

	/** CPU used so far by the JIT compiler threads of a JVM ({@code C1/C2 CompilerThread<n>}); 0 for another process. */
	static long jitNanos(long pid) {
		long total = 0;
		try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
						total += ticks(Files.readString(task.resolve("stat")));
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended while being read
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return total;
	}

	/** CPU used so far by a process and all its descendants (a broker's start script, its VM and helpers). */
	static long treeNanos(ProcessHandle process) {
		long total = Math.max(0, readApp(process.pid()));
		for (ProcessHandle child : process.descendants().toList()) {
			total += Math.max(0, readApp(child.pid()));
		}
		return total;
	}

	private static long readApp(long pid) {
		try {
			return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** User plus system time of a {@code /proc/.../stat} line, in nanoseconds. */
	private static long ticks(String stat) {
		// fields after the command name, which is in parentheses and may hold spaces: state is the first
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

	private static long readClient() {
		return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
	}
}
