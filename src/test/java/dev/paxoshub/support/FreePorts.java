package dev.paxoshub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback ports for the nodes, front doors and Raft members that tests start: below the
 * range the system hands out for outgoing connections (32768 and up here), so that no
 * client socket takes one between this check and a server binding it, and never the same
 * port twice in one test run. Each test JVM starts at a different place, so that runs
 * side by side rarely meet.
 */
public final class FreePorts {

	private static final int LAST = 32_000;

	private static int next = 15_000 + (int) (ProcessHandle.current().pid() % 100) * 150;

	private FreePorts() {
	}

	public static synchronized int next() {
		while (next <= LAST) {
			int port = next++;
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException ex) {
				// taken by someone else: try the next one
			}
		}
		throw new UncheckedIOException(new IOException("no free loopback port left below " + LAST));
	}

}
