package dev.paxoshub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeClock;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.NodeKeys;
import dev.paxoshub.node.NodeSignature;
import dev.paxoshub.node.Refusals;
import dev.paxoshub.web.PageLayout;
import dev.paxoshub.security.SecurityConfiguration;
import dev.paxoshub.security.SignIn;
import dev.paxoshub.web.ConsensusAnswers;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A Spring MVC slice of one node, Neo, with the node's real security in front of the
 * controllers under test: the beans every node page and API needs, keys made for tests,
 * and mocks of {@link Consensus} (OFF unless a test says otherwise) and of the user
 * lookup, which a test reaches with {@code @Autowired}. The test declares the other mocks
 * its controllers talk to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = { "paxoshub.node=neo", "paxoshub.cluster.key=" + NodeWebMvcTest.CLUSTER_KEY,
		"paxoshub.cluster.sign-in-key=" + NodeWebMvcTest.SIGN_IN_KEY })
// Named, because a search upwards from dev.paxoshub.node would find NodeApplication
// first.
@ContextConfiguration(classes = SliceTestApplication.class)
@Import({ NodeIdentity.class, NodeClock.class, NodeKeys.class, NodeSignature.class, Links.class, Refusals.class,
		ConsensusAnswers.class, PageLayout.class, SecurityConfiguration.class, SignIn.class })
@MockitoBean(types = { Consensus.class, UserDetailsService.class })
@ExtendWith(ConsensusIsOff.class)
public @interface NodeWebMvcTest {

	String CLUSTER_KEY = "test-cluster-key-0123456789abcdefghijklmnopqrstuvwxyz";

	String SIGN_IN_KEY = "test-sign-in-key-0123456789abcdefghijklmnopqrstuvwxyz";

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
