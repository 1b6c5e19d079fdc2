package dev.paxoshub.store;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a node remembers about itself across restarts, by name, in its own database.
 */
@Repository
public class NodeSettings {

	private final JdbcClient jdbc;

	NodeSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> get(String name) {
		return this.jdbc.sql("SELECT setting_value FROM node_setting WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

	public void put(String name, String value) {
		this.jdbc.sql("MERGE INTO node_setting (name, setting_value) KEY (name) VALUES (?, ?)")
			.param(name)
			.param(value)
			.update();
	}

}
