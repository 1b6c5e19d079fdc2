package dev.paxoshub.security;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paxoshub.node.PaxoshubProperties;
import io.github.bucket4j.Bucket;

/**
 * Counts failed sign-ins per account and per client address with Bucket4j token buckets:
 * each failure takes a token, tokens come back one per refill period, and an empty bucket
 * means the next try must wait. Only failures count, so a person who types their password
 * right is never held up by the limit. Buckets live in this node's memory: with three
 * nodes, a guesser gets at most three times the allowance, still a handful of tries a
 * minute.
 */
class SignInThrottle {

	private final PaxoshubProperties.SignIn limits;

	private final Cache<String, Bucket> accounts = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	SignInThrottle(PaxoshubProperties properties) {
		this.limits = properties.signIn();
	}

	/**
	 * How long a sign-in as this user from this address must wait; zero when it may go
	 * ahead.
	 */
	Duration waitFor(String username, String address) {
		long nanos = Math.max(waitNanos(account(username)), waitNanos(address(address)));
		return Duration.ofNanos(nanos);
	}

	void failed(String username, String address) {
		account(username).tryConsume(1);
		address(address).tryConsume(1);
	}

	private static long waitNanos(Bucket bucket) {
		return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

	private Bucket account(String username) {
		String key = (username != null) ? username.toLowerCase(Locale.ROOT) : "";
		return this.accounts.get(key, (k) -> bucket(this.limits.failuresPerAccount(), this.limits.accountRefill()));
	}

	private Bucket address(String address) {
		String key = (address != null) ? address : "";
		return this.addresses.get(key, (k) -> bucket(this.limits.failuresPerAddress(), this.limits.addressRefill()));
	}

	private static Bucket bucket(int failures, Duration refill) {
		return Bucket.builder().addLimit((limit) -> limit.capacity(failures).refillGreedy(1, refill)).build();
	}

}
