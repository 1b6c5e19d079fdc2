package dev.paxoshub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the code's shape, checked on every build rather than remembered.
 * Dependencies run one way: the web pages, then the features, then security, consensus
 * and the node's store, and {@code node} at the bottom, importing none of them; Atomix
 * and the gateway each stay in the one package that needs them.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.paxoshub");

	@Test
	void noPackagesDependOnEachOtherInACircle() {
		slices().matching("dev.paxoshub.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void dependenciesFlowFromThePagesDownToTheNode() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Web")
			.definedBy("dev.paxoshub.web..")
			.layer("Features")
			.definedBy("dev.paxoshub.accounts..", "dev.paxoshub.repos..", "dev.paxoshub.markdown..",
					"dev.paxoshub.text..", "dev.paxoshub.cluster..", "dev.paxoshub.peers..", "dev.paxoshub.chaos..")
			.layer("Security")
			.definedBy("dev.paxoshub.security..")
			.layer("Consensus")
			.definedBy("dev.paxoshub.consensus..")
			.layer("Store")
			.definedBy("dev.paxoshub.store..")
			.layer("Node")
			.definedBy("dev.paxoshub.node..")
			.layer("FrontDoor")
			.definedBy("dev.paxoshub.frontdoor..")
			.layer("Home")
			.definedBy("dev.paxoshub.home..")
			.layer("Properties")
			.definedBy("dev.paxoshub.properties..")
			.layer("Story")
			.definedBy("dev.paxoshub.story..")
			.layer("Checker")
			.definedBy("dev.paxoshub.checker..")
			.layer("Demo")
			.definedBy("dev.paxoshub.demo..")
			.whereLayer("Web")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Features")
			.mayOnlyBeAccessedByLayers("Web")
			.whereLayer("Security")
			.mayOnlyBeAccessedByLayers("Features", "Web")
			.whereLayer("Consensus")
			.mayOnlyBeAccessedByLayers("Security", "Features", "Web")
			.whereLayer("Store")
			.mayOnlyBeAccessedByLayers("Consensus", "Security", "Features", "Web")
			.whereLayer("FrontDoor")
			.mayOnlyBeAccessedByLayers("Demo")
			.whereLayer("Home")
			.mayOnlyBeAccessedByLayers("Demo")
			.whereLayer("Properties")
			.mayOnlyBeAccessedByLayers("Home")
			.whereLayer("Story")
			.mayOnlyBeAccessedByLayers("Home")
			.whereLayer("Demo")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Checker")
			.mayNotBeAccessedByAnyLayer()
			.check(MAIN);
	}

	@Test
	void theNodeIsTheGroundAndImportsNoneOfTheRest() {
		noClasses().that()
			.resideInAPackage("dev.paxoshub.node..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("dev.paxoshub.node..", "java..", "javax..", "jakarta..", "org.springframework..",
					"org.slf4j..", "com.github.benmanes.caffeine..", "com.fasterxml.jackson..")
			.check(MAIN);
	}

	@Test
	void onlyTheRaftImplementationKnowsAtomix() {
		noClasses().that()
			.resideOutsideOfPackage("dev.paxoshub.consensus.raft..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.atomix..")
			.check(MAIN);
	}

	@Test
	void onlyTheFrontDoorKnowsTheGatewayAndTheLoadBalancer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.paxoshub.frontdoor..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.cloud.gateway..", "org.springframework.cloud.loadbalancer..",
					"org.springframework.cloud.client.loadbalancer..")
			.check(MAIN);
	}

	@Test
	void controllersNeverUseTheStoreDirectly() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Store")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.check(MAIN);
	}

	@Test
	void consensusAnswersInItsOwnTermsAndTheWebLayerMapsThemToHttp() {
		noClasses().that()
			.resideInAnyPackage("dev.paxoshub.consensus..", "dev.paxoshub.store..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(ErrorResponse.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(ResponseStatusException.class)
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(HttpStatus.class, HttpStatusCode.class, ProblemDetail.class)
			.check(MAIN);
	}

}
