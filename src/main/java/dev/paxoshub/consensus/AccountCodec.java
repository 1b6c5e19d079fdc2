package dev.paxoshub.consensus;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.paxoshub.store.Account;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes an account aggregate exactly as stored, field by field, so that a replica is the
 * same record on every node (hash and all) rather than a view made for people.
 */
@Component
public class AccountCodec {

	private final JsonMapper json = JsonMapper.builder()
		.changeDefaultVisibility((visibility) -> visibility.withFieldVisibility(Visibility.ANY)
			.withGetterVisibility(Visibility.NONE)
			.withIsGetterVisibility(Visibility.NONE))
		.build();

	public String write(Account account) {
		return this.json.writeValueAsString(account);
	}

	public Account read(String body) {
		return this.json.readValue(body, Account.class);
	}

}
