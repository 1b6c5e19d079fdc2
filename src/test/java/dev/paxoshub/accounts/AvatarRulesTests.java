package dev.paxoshub.accounts;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import dev.paxoshub.accounts.AvatarRules.InvalidAvatarException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvatarRulesTests {

	private final AtomicLong served = new AtomicLong();

	/** As much as is asked for, one byte at a time, for ever. */
	private final InputStream endless = new InputStream() {

		@Override
		public int read() {
			AvatarRulesTests.this.served.incrementAndGet();
			return 0;
		}

	};

	@Test
	void aDeclaredLengthOverOneMegabyteIsRefusedBeforeAnyOfTheBodyIsRead() {
		assertThatExceptionOfType(InvalidAvatarException.class)
			.isThrownBy(() -> AvatarRules.read(this.endless, 12L * 1024 * 1024))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(ex.getBody().getDetail()).isEqualTo("An avatar can be at most 1 MB; this file is 12.00 MB.");
			});
		assertThat(this.served).hasValue(0);
	}

	@Test
	void aBodyWithoutALengthIsReadOneBytePastTheLimitAndNoFurther() {
		assertThatExceptionOfType(InvalidAvatarException.class).isThrownBy(() -> AvatarRules.read(this.endless, -1))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(ex.getBody().getDetail()).isEqualTo("An avatar can be at most 1 MB; this file is larger.");
			});
		assertThat(this.served).hasValue(AvatarRules.MAX_BYTES + 1);
	}

}
