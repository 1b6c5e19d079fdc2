package dev.paxoshub.checker;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients: each a thread that does one operation at a time, as a person would, and
 * records it in the history before it is sent and again when it ends. A client remembers
 * the password of every name it tried to claim (even when the answer was lost), so that
 * it can edit what may be its own.
 */
final class Clients {

	private final int count;

	private final Generator generator;

	private final SiteClient site;

	private final Map<String, URI> urls;

	private final HistoryFile history;

	private final RunClock clock;

	private final AtomicInteger nextId = new AtomicInteger();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Thread> threads = new ArrayList<>();

	Clients(int count, Generator generator, SiteClient site, Map<String, URI> urls, HistoryFile history,
			RunClock clock) {
		this.count = count;
		this.generator = generator;
		this.site = site;
		this.urls = urls;
		this.history = history;
		this.clock = clock;
	}

	void start() {
		for (int client = 0; client < this.count; client++) {
			int id = client;
			Thread thread = new Thread(() -> work(id), "checker-client-" + client);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/** Lets every operation in flight end, so that none is cut short by the stop. */
	void stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	int operations() {
		return this.nextId.get();
	}

	private void work(int client) {
		Map<String, String> passwords = new LinkedHashMap<>();
		Random pause = new Random(client);
		int edits = 0;
		while (this.running.get()) {
			Generator.Planned planned = this.generator.next(this.clock.now(), new ArrayList<>(passwords.keySet()));
			int id = this.nextId.getAndIncrement();
			URI base = this.urls.get(planned.via());
			String key = planned.key();
			switch (planned.kind()) {
				case CLAIM -> {
					String attempt = "a" + id;
					String password = "checker-" + attempt + "-password";
					this.history.invoked(id, client, Op.Kind.CLAIM, key, planned.via(), this.clock.now(), attempt,
							null);
					Answer answer = this.site.claim(base, key, attempt, password);
					completed(id, answer);
					// A yes is certainly this password; a lost answer may be, unless an
					// earlier one was.
					if (answer.outcome() == Op.Outcome.OK) {
						passwords.put(key, password);
					}
					else if (answer.outcome() == Op.Outcome.UNKNOWN) {
						passwords.putIfAbsent(key, password);
					}
				}
				case EDIT -> {
					String value = "c" + client + "-e" + (edits++);
					this.history.invoked(id, client, Op.Kind.EDIT, key, planned.via(), this.clock.now(), null, value);
					completed(id, this.site.edit(base, key, passwords.get(key), value));
				}
				case READ -> {
					this.history.invoked(id, client, Op.Kind.READ, key, planned.via(), this.clock.now(), null, null);
					completed(id, this.site.read(base, key));
				}
			}
			sleepQuietly(pause.nextInt(30));
		}
	}

	private void completed(int id, Answer answer) {
		this.history.completed(id, answer.outcome(), this.clock.now(), answer.status(), answer.accountId(),
				answer.value(), answer.error());
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
