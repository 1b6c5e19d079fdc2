package dev.paxoshub.checker;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run, short enough for every build: four real processes started by
 * {@code scripts/cluster.sh}, a nemesis killing, freezing and cutting them for real,
 * eight clients, and the checker's verdict. With consensus ON nothing may go wrong; with
 * it OFF the checker must find what goes wrong.
 */
class FaultRunClusterTests {

	private static final Duration RUN = Duration.ofSeconds(30);

	@TempDir
	Path temp;

	@Test
	void withConsensusOnAFaultRunFindsNoAnomaly() throws Exception {
		FaultRun.Result result = run("on", 11);
		Verdict verdict = result.verdict();
		print(result);
		assertThat(verdict.mode()).isEqualTo("on");
		assertThat(result.history().faults()).as("faults applied").hasSizeGreaterThanOrEqualTo(3);
		assertThat(verdict.duplicates()).isEmpty();
		assertThat(verdict.lostWrites()).isEmpty();
		assertThat(verdict.staleReads()).isEmpty();
		assertThat(verdict.keys()).allSatisfy(
				(key) -> assertThat(key.status()).as(key.explanation()).isEqualTo(Verdict.KeyStatus.LINEARIZABLE));
		assertThat(verdict.recoveries()).hasSize(3).allSatisfy((node) -> assertThat(node.withinLimit()).isTrue());
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.VALID);
		assertThat(result.history().ops().stream().filter(Op::ok).filter((op) -> op.kind() == Op.Kind.CLAIM))
			.as("acknowledged sign-ups")
			.isNotEmpty();
		assertThat(result.dir().resolve("report.html")).exists();
		assertThat(result.dir().resolve("result.json")).exists();
	}

	@Test
	void withConsensusOffAFaultRunFindsAndNamesAnomalies() throws Exception {
		FaultRun.Result result = run("off", 12);
		Verdict verdict = result.verdict();
		print(result);
		assertThat(verdict.mode()).isEqualTo("off");
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
		int anomalies = verdict.duplicates().size() + verdict.lostWrites().size() + verdict.staleReads().size();
		assertThat(anomalies).isPositive();
		assertThat(verdict.duplicates()).allSatisfy((duplicate) -> assertThat(duplicate.ops()).hasSizeGreaterThan(1));
		assertThat(verdict.lostWrites()).allSatisfy((lost) -> assertThat(lost.explanation()).contains("#" + lost.op()));
		assertThat(verdict.staleReads())
			.allSatisfy((stale) -> assertThat(stale.explanation()).contains("#" + stale.op()));
	}

	private FaultRun.Result run(String consensus, long seed) throws Exception {
		try (ProcessCluster cluster = ProcessCluster.start(this.temp.resolve("cluster"), consensus)) {
			FaultRunSettings settings = FaultRunSettings.of(cluster.script().script(), cluster.environment(),
					cluster.operatorPassword(), 8, RUN, seed, true, this.temp.resolve("run"));
			return FaultRun.run(settings);
		}
	}

	private static void print(FaultRun.Result result) {
		VerdictText.lines(result.history(), result.verdict()).forEach(System.out::println);
	}

}
