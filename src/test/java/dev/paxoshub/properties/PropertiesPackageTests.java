package dev.paxoshub.properties;

import java.time.Clock;
import java.time.Instant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The checker stays a pure function of its looks: the JDK's collections and times only,
 * no clock of its own, and nothing that could tell it which consensus mode a cluster
 * runs.
 */
class PropertiesPackageTests {

	private static final JavaClasses PROPERTIES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.paxoshub.properties");

	@Test
	void theCheckUsesNothingButTheJdksCollectionsAndTimes() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.paxoshub.properties..", "java.lang..", "java.util..", "java.time..")
			.check(PROPERTIES);
	}

	@Test
	void timeComesOnlyFromTheLooks() {
		noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(System.class, "nanoTime")
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(Clock.class, Thread.class)
			.check(PROPERTIES);
	}

}
