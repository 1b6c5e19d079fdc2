package dev.paxoshub.web;

import dev.paxoshub.accounts.AccountWritten;
import dev.paxoshub.node.WrittenHeaders;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the account change a request committed on its answer (see {@link WrittenHeaders}).
 * The change is announced while the controller still runs, before anything is sent.
 */
@Component
class WrittenAccountHeaders {

	@EventListener
	void written(AccountWritten written) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			HttpServletResponse response = request.getResponse();
			if (response != null && !response.isCommitted()) {
				response.setHeader(WrittenHeaders.ACCOUNT, written.accountId());
				response.setHeader(WrittenHeaders.USERNAME, written.username());
				response.setHeader(WrittenHeaders.STAMP, written.stamp());
			}
		}
	}

}
