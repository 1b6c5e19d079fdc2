package dev.paxoshub;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docker/compose.yaml} and {@code docker/Dockerfile}, checked without a Docker
 * engine. Compose's own parser renders the compose file ({@code docker-compose config},
 * Debian's docker-compose 1.29), dockerfile-utils (from npm) validates the Dockerfile,
 * and the rest is what neither tool knows this project needs: a non-root user, a health
 * check on each part's own port, the JVM flag Atomix needs, the Raft ports kept off the
 * host. Both tools are installed by {@code .ci/run}; a missing one fails the test, it
 * does not skip it.
 */
class DockerFilesTests {

	private static final Path COMPOSE = Path.of("docker", "compose.yaml");

	private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

	/** Dummy values, each 32 bytes or more and each different. */
	private static final Map<String, String> SECRETS = Map.of("PAXOSHUB_CLUSTER_KEY",
			"dummy-cluster-key-0123456789abcdef0123456789abcdef", "PAXOSHUB_CLUSTER_SIGNINKEY",
			"dummy-sign-in-key-0123456789abcdef0123456789abcdef", "PAXOSHUB_ADMIN_PASSWORD",
			"dummy-operator-password-0123456789abcdef");

	private static final List<String> NODES = List.of("morpheus", "neo", "trinity");

	@TempDir
	Path temp;

	@Test
	void composeRendersTheThreeNodesAndTheFrontDoorWithTheSecretsFromTheEnvironment() throws Exception {
		Map<String, Object> config = renderedCompose();
		Map<String, Object> services = map(config, "services");
		assertThat(services).containsOnlyKeys("morpheus", "neo", "trinity", "front-door");
		assertThat(map(config, "volumes")).containsOnlyKeys("morpheus-data", "neo-data", "trinity-data");
		for (String name : services.keySet()) {
			assertThat(environment(services, name)).as("environment of %s", name).containsAllEntriesOf(SECRETS);
		}
		for (String node : NODES) {
			assertThat(environment(services, node)).containsEntry("PAXOSHUB_ROLE", "node")
				.containsEntry("PAXOSHUB_NODE", node);
			assertThat(mounts(map(services, node))).as("volumes of %s", node).containsExactly(node + "-data:/app/data");
		}
		Map<String, Object> frontDoor = map(services, "front-door");
		assertThat(environment(services, "front-door")).containsEntry("PAXOSHUB_ROLE", "front-door")
			.doesNotContainKey("PAXOSHUB_NODE");
		assertThat(mounts(frontDoor)).isEmpty();
		Map<String, Object> dependsOn = map(frontDoor, "depends_on");
		assertThat(dependsOn).containsOnlyKeys(NODES);
		for (String node : NODES) {
			assertThat(map(dependsOn, node)).containsEntry("condition", "service_healthy");
		}
	}

	@Test
	void composePublishesTheSiteAndTheNodesOnTheHostLoopbackAndNeverRaft() throws Exception {
		Map<String, Object> services = map(renderedCompose(), "services");
		assertThat(published(map(services, "front-door"))).containsExactly("127.0.0.1:8080->8080");
		for (String node : NODES) {
			int port = nodePort(services, node);
			assertThat(published(map(services, node))).as("ports of %s", node)
				.containsExactly("127.0.0.1:" + port + "->" + port);
		}
	}

	@Test
	void composeRefusesWithoutTheSecretsAndNamesTheClusterKey() throws Exception {
		Run run = dockerComposeConfig(Map.of());
		assertThat(run.exitCode()).as(run.toString()).isNotZero();
		assertThat(run.stdout()).doesNotContain("services:");
		assertThat(run.stderr()).contains("set PAXOSHUB_CLUSTER_KEY to a random value of at least 32 bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PAXOSHUB_CLUSTER_KEY", "PAXOSHUB_CLUSTER_SIGNINKEY", "PAXOSHUB_ADMIN_PASSWORD" })
	void composeRefusesWithoutAnyOneSecretNamesItAndPrintsNoOther(String missing) throws Exception {
		Map<String, String> others = new LinkedHashMap<>(SECRETS);
		others.remove(missing);
		Run run = dockerComposeConfig(others);
		assertThat(run.exitCode()).as(run.toString()).isNotZero();
		assertThat(run.stderr()).contains("set " + missing + " to");
		for (String value : others.values()) {
			assertThat(run.stdout() + run.stderr()).doesNotContain(value);
		}
	}

	@Test
	void dockerfileUtilsFindsNothingToReport() throws Exception {
		Run run = run(List.of(
				executable("dockerfile-utils",
						"npm install --global dockerfile-utils@0.16.3 (.ci/run installs it when missing)"),
				"lint", DOCKERFILE.toString()), Map.of());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.stdout()).as(run.toString()).isBlank();
	}

	@Test
	void dockerfileRunsTheJarOnAJava17RuntimeAsANonRootUser() throws IOException {
		List<String[]> instructions = dockerfileInstructions();
		List<String> from = arguments(instructions, "FROM");
		assertThat(from).containsExactly("eclipse-temurin:17-jre");
		List<String> kinds = instructions.stream().map((instruction) -> instruction[0]).toList();
		int entrypoint = kinds.lastIndexOf("ENTRYPOINT");
		int user = kinds.lastIndexOf("USER");
		assertThat(entrypoint).as("an ENTRYPOINT").isNotNegative();
		assertThat(user).as("a USER before the ENTRYPOINT").isNotNegative().isLessThan(entrypoint);
		String who = instructions.get(user)[1].split(":")[0];
		assertThat(who).as("the user the JVM runs as").isNotIn("root", "0");
		String run = String.join("\n", arguments(instructions, "RUN"));
		assertThat(run).contains("useradd").contains("chown").contains("/app/data");
		assertThat(kinds.indexOf("VOLUME")).as("VOLUME after the RUN that owns /app/data")
			.isGreaterThan(kinds.lastIndexOf("RUN"));
		assertThat(arguments(instructions, "VOLUME")).containsExactly("/app/data");
		for (String install : arguments(instructions, "RUN")) {
			if (install.contains("apt-get install")) {
				assertThat(install).contains("--no-install-recommends").contains("rm -rf /var/lib/apt/lists/*");
			}
		}
	}

	@Test
	void dockerfilePassesTheSameAddOpensAsTheBuild() throws IOException {
		Matcher opens = Pattern.compile("<paxoshub.jvm.opens>(.+?)</paxoshub.jvm.opens>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(opens.find()).as("paxoshub.jvm.opens in pom.xml").isTrue();
		List<String[]> instructions = dockerfileInstructions();
		String entrypoint = arguments(instructions, "ENTRYPOINT").get(0);
		String command = String.join(" ", new Yaml().<List<String>>load(entrypoint));
		String toolOptions = String.join(" ", arguments(instructions, "ENV"));
		assertThat(command + " " + toolOptions).contains(opens.group(1));
		assertThat(command).startsWith("java ").endsWith("-jar /app/paxoshub.jar");
	}

	@Test
	void dockerfileExposesEveryPortAndChecksEachPartOnItsOwn() throws Exception {
		List<String[]> instructions = dockerfileInstructions();
		assertThat(String.join(" ", arguments(instructions, "EXPOSE")).split("\\s+")).containsExactlyInAnyOrder("8080",
				"8081", "8082", "8083", "9081", "9082", "9083");
		List<String> healthchecks = arguments(instructions, "HEALTHCHECK");
		assertThat(healthchecks).hasSize(1);
		String healthcheck = healthchecks.get(0);
		assertThat(healthcheck).contains("--start-period=")
			.contains("curl -fsS")
			.contains("/actuator/health")
			.contains("*) port=8080");
		Map<String, Object> services = map(renderedCompose(), "services");
		for (String node : NODES) {
			assertThat(healthcheck).as("the health check asks %s on the port of its URL", node)
				.contains("node:" + node + ") port=" + nodePort(services, node) + " ;;");
		}
	}

	private Map<String, Object> renderedCompose() throws Exception {
		Run run = dockerComposeConfig(SECRETS);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return new Yaml().load(run.stdout());
	}

	private Run dockerComposeConfig(Map<String, String> secrets) throws Exception {
		String dockerCompose = executable("docker-compose",
				"apt-get install docker-compose (.ci/run installs it when missing)");
		return run(List.of(dockerCompose, "-f", COMPOSE.toString(), "config"), secrets);
	}

	/**
	 * Runs a command in the project's folder, with these variables and no PAXOSHUB_ or
	 * COMPOSE_ ones of ours.
	 */
	private Run run(List<String> command, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PAXOSHUB_") || name.startsWith("COMPOSE_"));
		builder.environment().putAll(environment);
		File out = Files.createTempFile(this.temp, "out", ".txt").toFile();
		File err = Files.createTempFile(this.temp, "err", ".txt").toFile();
		Process process = builder.redirectOutput(out).redirectError(err).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(String.join(" ", command) + " did not finish within 60 s");
		}
		return new Run(command, process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
				Files.readString(err.toPath(), StandardCharsets.UTF_8));
	}

	private static String executable(String name, String install) {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return fail(name + " is not installed; it checks the files in docker/. Install it: " + install);
	}

	/** The Dockerfile's instructions, continuation lines joined and comments left out. */
	private static List<String[]> dockerfileInstructions() throws IOException {
		List<String[]> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(DOCKERFILE)) {
			String trimmed = line.trim();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String[] instruction = current.toString().split("\\s+", 2);
			instructions
				.add(new String[] { instruction[0].toUpperCase(), (instruction.length > 1) ? instruction[1] : "" });
			current.setLength(0);
		}
		return instructions;
	}

	private static List<String> arguments(List<String[]> instructions, String kind) {
		return instructions.stream().filter((instruction) -> instruction[0].equals(kind)).map((i) -> i[1]).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> environment(Map<String, Object> services, String service) {
		return map(map(services, service), "environment");
	}

	private static int nodePort(Map<String, Object> services, String node) {
		Map<String, Object> environment = environment(services, "front-door");
		for (int i = 0; environment.containsKey("PAXOSHUB_CLUSTER_NODES_" + i + "_NAME"); i++) {
			if (node.equals(environment.get("PAXOSHUB_CLUSTER_NODES_" + i + "_NAME"))) {
				return URI.create((String) environment.get("PAXOSHUB_CLUSTER_NODES_" + i + "_URL")).getPort();
			}
		}
		return fail(node + " is not in the cluster layout of docker/compose.yaml");
	}

	/**
	 * A service's volumes as source:target, from docker-compose 1.29's short form
	 * ({@code neo-data:/app/data:rw}) or the long form of newer Compose.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> mounts(Map<String, Object> service) {
		List<String> mounts = new ArrayList<>();
		for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
			if (volume instanceof Map<?, ?> mount) {
				mounts.add(mount.get("source") + ":" + mount.get("target"));
			}
			else {
				String[] parts = volume.toString().split(":");
				mounts.add(parts[0] + ":" + parts[1]);
			}
		}
		return mounts;
	}

	/**
	 * A service's published ports as host-address:host-port->container-port, from
	 * docker-compose 1.29's short form ({@code 127.0.0.1:8080:8080/tcp}) or the long
	 * form.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> published(Map<String, Object> service) {
		List<String> published = new ArrayList<>();
		for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
			if (port instanceof Map<?, ?> mapping) {
				Object address = mapping.get("host_ip");
				published.add(((address != null) ? address : "0.0.0.0") + ":" + mapping.get("published") + "->"
						+ mapping.get("target"));
			}
			else {
				String[] parts = port.toString().replaceAll("/tcp$", "").split(":");
				String address = (parts.length == 3) ? parts[0] : "0.0.0.0";
				published.add(address + ":" + parts[parts.length - 2] + "->" + parts[parts.length - 1]);
			}
		}
		return published;
	}

	private record Run(List<String> command, int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return String.join(" ", this.command) + " exited " + this.exitCode + "\n--- stdout\n" + this.stdout
					+ "\n--- stderr\n" + this.stderr;
		}

	}

}
