package dev.paxoshub.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.paxoshub.web.StrictJsonRequests.BodyTooLargeException;
import dev.paxoshub.web.StrictJsonRequests.LimitedJsonConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonRequestsTests {

	/* A chunked body declares no length, so only counting what is read can stop it. */
	@Test
	void aBodyWithoutALengthIsReadNoFurtherThanALittlePastTheLimit() {
		AtomicLong served = new AtomicLong();
		InputStream endless = new InputStream() {

			private final byte[] start = "{\"padding\": \"".getBytes(StandardCharsets.UTF_8);

			@Override
			public int read() {
				long at = served.getAndIncrement();
				return (at < this.start.length) ? this.start[(int) at] : 'x';
			}

		};
		LimitedJsonConverter converter = new LimitedJsonConverter(JsonMapper.builder().build());

		assertThatExceptionOfType(HttpMessageNotReadableException.class)
			.isThrownBy(
					() -> converter.read(ResolvableType.forClass(Map.class), new MockHttpInputMessage(endless), null))
			.havingRootCause()
			.isInstanceOf(BodyTooLargeException.class)
			.withMessage("A request body can be at most 512 KB; this one is larger.");
		assertThat(served.get()).isBetween((long) StrictJsonRequests.MAX_BODY_BYTES,
				StrictJsonRequests.MAX_BODY_BYTES + 64 * 1024L);
	}

}
