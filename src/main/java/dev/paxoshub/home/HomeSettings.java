package dev.paxoshub.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the home watches its clusters.
 *
 * @param pollInterval how often each node is asked how it is; a dashboard shows a change
 * within about this long
 * @param timeline how many events each cluster's timeline keeps
 */
@ConfigurationProperties("paxoshub.home")
public record HomeSettings(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("200") int timeline) {
}
