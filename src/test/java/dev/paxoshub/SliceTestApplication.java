package dev.paxoshub;

import dev.paxoshub.node.EnableNodeAutoConfiguration;
import dev.paxoshub.node.NodeApplication;
import dev.paxoshub.node.PaxoshubProperties;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The configuration that test slices such as {@code @WebMvcTest} find for the node's
 * packages ({@code dev.paxoshub.accounts}, {@code dev.paxoshub.repos}, ...).
 * <p>
 * {@link NodeApplication} cannot play that role: its component scan does not use Boot's
 * {@link TypeExcludeFilter}, so a slice built on it would load every bean of the node,
 * database included. This one scans the same packages as a node (never the front door's
 * nor the demo supervisor's) but lets the slice decide what to keep. Beans that a slice
 * leaves out, such as {@code NodeIdentity} or {@code SecurityConfiguration}, are imported
 * by the test that needs them.
 * <p>
 * The node's settings are enabled by name rather than by
 * {@code @ConfigurationPropertiesScan}: that scan honours the slice's
 * {@link TypeExcludeFilter}, which leaves {@code @ConfigurationProperties} classes out,
 * so {@link PaxoshubProperties} would be missing from every slice.
 */
@SpringBootConfiguration
@EnableNodeAutoConfiguration
@EnableConfigurationProperties(PaxoshubProperties.class)
@ComponentScan(basePackages = "dev.paxoshub",
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.paxoshub\\.(frontdoor|demo|home)\\..*"),
				@ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NodeApplication.class) })
public class SliceTestApplication {

}
