package dev.paxoshub;

import dev.paxoshub.checker.FaultRunCommand;
import dev.paxoshub.demo.DemoApplication;
import dev.paxoshub.frontdoor.FrontDoorApplication;
import dev.paxoshub.node.NodeApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The one entry point of the jar. {@code paxoshub.role} picks what this process is: the
 * whole demo in one JVM (default), a single node, the front door, or the fault checker (a
 * plain program against a running cluster, no Spring).
 */
public final class Paxoshub {

	private Paxoshub() {
	}

	public static void main(String[] args) throws InterruptedException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		String role = environment.getProperty("paxoshub.role", "demo");
		if (role.equals("checker")) {
			FaultRunCommand.main(args);
			return;
		}
		Class<?> application = switch (role) {
			case "demo" -> DemoApplication.class;
			case "node" -> NodeApplication.class;
			case "front-door" -> FrontDoorApplication.class;
			default -> throw new IllegalArgumentException(
					"Unknown paxoshub.role '" + role + "': use demo, node, front-door or checker");
		};
		SpringApplication app = new SpringApplication(application);
		if (application == DemoApplication.class) {
			app.setWebApplicationType(WebApplicationType.NONE);
		}
		app.run(args);
	}

}
