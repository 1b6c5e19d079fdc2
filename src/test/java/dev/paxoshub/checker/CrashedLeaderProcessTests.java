package dev.paxoshub.checker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader killed with SIGKILL closes its Raft port, and the follower that next sends it
 * something is refused: that follower starts an election at once. The election timeout
 * here is long (6 s, so no timer can fire before 6 s), which makes the refusal the only
 * way the survivors could elect a leader and acknowledge a write sooner.
 */
class CrashedLeaderProcessTests {

	private static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(6);

	@TempDir
	Path temp;

	@Test
	void aSurvivorRefusedByTheKilledLeaderElectsANewOneBeforeAnyElectionTimerCouldFire() {
		try (ProcessCluster cluster = ProcessCluster.start(this.temp, "on",
				"--paxoshub.raft.election-timeout=" + ELECTION_TIMEOUT.toMillis() + "ms")) {
			ClusterScript script = cluster.script();
			Map<String, URI> urls = cluster.urls();
			SiteClient site = new SiteClient(Duration.ofSeconds(3));
			String leader = script.run("leader").trim();
			String survivor = urls.keySet()
				.stream()
				.filter((part) -> !part.equals(leader) && !part.equals(ClusterScript.FRONT_DOOR))
				.findFirst()
				.orElseThrow();
			URI target = urls.get(survivor);
			assertThat(site.claim(target, "before-" + leader, "a0", "password-1234").outcome())
				.isEqualTo(Op.Outcome.OK);
			long termBefore = term(site, target);

			long killed = System.nanoTime();
			script.run("kill", leader);
			Answer acknowledged = null;
			for (int attempt = 0; acknowledged == null
					&& System.nanoTime() - killed < ELECTION_TIMEOUT.toNanos() * 2; attempt++) {
				Answer answer = site.claim(target, "after-" + attempt, "a" + attempt, "password-1234");
				if (answer.outcome() == Op.Outcome.OK) {
					acknowledged = answer;
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - killed);
			System.out.printf("%s killed (SIGKILL, through cluster.sh); first sign-up through %s acknowledged %d ms"
					+ " after the kill was sent%n", leader, survivor, took.toMillis());

			assertThat(acknowledged).as("a sign-up through %s after %s was killed", survivor, leader).isNotNull();
			assertThat(took).as("from the kill to the first acknowledged sign-up").isLessThan(ELECTION_TIMEOUT);
			assertThat(term(site, target)).as("the survivors' term").isGreaterThan(termBefore);
			assertThat(script.run("leader").trim()).isNotEqualTo(leader);
		}
	}

	private static long term(SiteClient site, URI node) {
		JsonNode status = site.get(node, "/api/node", Duration.ofSeconds(2));
		assertThat(status).as("the status of %s", node).isNotNull();
		return status.path("consensus").path("term").asLong();
	}

}
