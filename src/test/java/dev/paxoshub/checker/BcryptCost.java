package dev.paxoshub.checker;

import dev.paxoshub.bench.CpuUsage;
import dev.paxoshub.bench.Samples;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One BCrypt encode on its own, timed in the benchmark's JVM, so that a sign-up minus its
 * hashing shows what the rest, consensus included, costs.
 *
 * @param prefix the BCrypt version, as in {@code $2a}
 * @param strength the log2 of its rounds
 * @param cpu how busy the machine was while it was timed
 */
record BcryptCost(String prefix, int strength, Samples times, String cpu) {

	static BcryptCost measure(int samples) {
		// What every sign-up does: BcryptPasswords wraps a default BCryptPasswordEncoder.
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		String hash = "";
		for (int i = 0; i < 5; i++) {
			hash = bcrypt.encode(SignUps.PASSWORD);
		}
		Samples times = new Samples();
		CpuUsage before = CpuUsage.now();
		for (int i = 0; i < samples; i++) {
			long t = System.nanoTime();
			bcrypt.encode(SignUps.PASSWORD);
			times.add(System.nanoTime() - t);
		}
		String cpu = before.share(CpuUsage.now());
		// "$2a$10$...": the version and the log2 of the rounds.
		return new BcryptCost(hash.substring(0, 3), Integer.parseInt(hash.substring(4, 6)), times, cpu);
	}

}
