package dev.paxoshub.chaos;

import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's HTTP port, which a flaky network closes and opens again: while it is closed
 * a connection to it is refused, as to a machine that dropped off the network, though the
 * process and its data live on.
 */
@Configuration(proxyBeanMethods = false)
class NodeHttpPort {

	private static final Logger log = LoggerFactory.getLogger(NodeHttpPort.class);

	private final WebServerApplicationContext context;

	NodeHttpPort(WebServerApplicationContext context) {
		this.context = context;
	}

	/**
	 * Tomcat binds its socket when the connector starts and releases it when it stops,
	 * instead of once for its whole life: only then does a stopped connector refuse
	 * connections.
	 */
	@Bean
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> bindWhileStarted() {
		return (factory) -> factory
			.addConnectorCustomizers((connector) -> connector.setProperty("bindOnInit", "false"));
	}

	void close() {
		connector(true);
	}

	void open() {
		connector(false);
	}

	private void connector(boolean stop) {
		WebServer server = this.context.getWebServer();
		if (!(server instanceof TomcatWebServer tomcat)) {
			return;
		}
		Connector connector = tomcat.getTomcat().getConnector();
		try {
			if (stop) {
				connector.stop();
			}
			else {
				connector.start();
			}
		}
		catch (Exception ex) {
			log.warn("Could not {} the HTTP port: {}", stop ? "close" : "open", ex.toString());
		}
	}

}
