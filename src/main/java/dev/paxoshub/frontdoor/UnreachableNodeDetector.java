package dev.paxoshub.frontdoor;

import java.net.ConnectException;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Tells the one proxy failure that is safe to retry from all the others. When the
 * connection to the node never opened, the node cannot have seen the request, and it may
 * go to another node, POST or not. Any other failure, such as a reset or a node dying
 * halfway through its answer, can come after the node acted on the request: sending it
 * again could do the same thing twice, so it is never retried.
 */
class UnreachableNodeDetector implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		try {
			return next.handle(request);
		}
		catch (ResourceAccessException failure) {
			if (failure.contains(ConnectException.class)) {
				throw new NodeUnreachableException(failure);
			}
			throw failure;
		}
	}

	/** The node did not get the request. */
	static class NodeUnreachableException extends RuntimeException {

		NodeUnreachableException(ResourceAccessException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
