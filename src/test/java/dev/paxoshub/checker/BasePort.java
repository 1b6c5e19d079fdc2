package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collections;

/**
 * The base port the benchmark's cluster takes: the front door binds it and the Raft
 * members a thousand above the nodes; with network namespaces the nodes take 10.77.(base
 * % 250).0/24, which must not be a subnet another cluster's bridge already has (8580
 * would share the demo's 8080 one).
 */
final class BasePort {

	private BasePort() {
	}

	/** Fails, naming what is taken, unless every port and the subnet are free. */
	static void requireFree(int base) {
		for (int port : new int[] { base, base + 1, base + 2, base + 3, base + 1001, base + 1002, base + 1003 }) {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				throw new IllegalStateException("port " + port + " is taken: choose another --base-port", ex);
			}
		}
		String subnet = "10.77." + (base % 250) + ".";
		String bridge = "phb" + base;
		try {
			for (NetworkInterface net : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InterfaceAddress address : net.getInterfaceAddresses()) {
					if (address.getAddress() instanceof Inet4Address
							&& address.getAddress().getHostAddress().startsWith(subnet)
							&& !net.getName().equals(bridge)) {
						throw new IllegalStateException(net.getName() + " already has " + subnet
								+ "0/24, the subnet cluster.sh gives base port " + base
								+ ": choose another --base-port");
					}
				}
			}
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
