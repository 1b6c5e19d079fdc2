package dev.paxoshub.bench;

/**
 * How a benchmark's {@code main} ends: the JVM is ended outright once the report is out,
 * since Atomix, Spring and HttpClient leave threads behind that would keep it alive.
 */
public final class BenchmarkExit {

	private BenchmarkExit() {
	}

	/**
	 * Runs the benchmark, then exits with 0 when every measurement ran and 1 when one
	 * failed or the benchmark threw.
	 */
	public static void after(Benchmark benchmark) {
		int status;
		try {
			status = benchmark.run() ? 0 : 1;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/** A whole benchmark run. */
	@FunctionalInterface
	public interface Benchmark {

		/**
		 * @return whether every measurement ran
		 */
		boolean run() throws Exception;

	}

}
