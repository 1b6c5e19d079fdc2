package dev.paxoshub.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each node's own H2 database, a file under {@code <data-dir>/<node>/} so that a
 * restarted node still knows what it knew. Built here rather than from a URL template
 * because H2 wants an absolute path, and the data folder may be given either way.
 */
@Configuration(proxyBeanMethods = false)
class NodeDatabase {

	@Bean
	DataSource dataSource(PaxoshubProperties properties, NodeIdentity node) {
		Path file = properties.dataDir().resolve(node.name()).resolve("paxoshub").toAbsolutePath();
		folder(file.getParent());
		// Spring closes the pool on shutdown; H2 closing itself first from its own hook
		// would race it.
		return DataSourceBuilder.create()
			.url("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE")
			.username("sa")
			.password("")
			.build();
	}

	/**
	 * Made here, not by H2: nodes of one process start side by side, and H2 refuses to
	 * create a folder that another node's database created a moment before.
	 */
	private static void folder(Path folder) {
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the data folder " + folder, ex);
		}
	}

}
