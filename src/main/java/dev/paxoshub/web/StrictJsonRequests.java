package dev.paxoshub.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON sent to this node is read strictly: a number or a boolean is not text, a field
 * named twice or unknown is a mistake to report rather than a value to drop, and a body
 * is at most {@link #MAX_BODY_BYTES}. Only the server's converter is strict. Boot's
 * mapper, which this one is built from, also reads the answers of other nodes through
 * {@code RestClient}, and a newer node may well answer with a field an older one does not
 * know.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonRequests implements WebMvcConfigurer {

	/**
	 * Room for the largest README (64 KB) even if every character of it is sent escaped.
	 */
	static final int MAX_BODY_BYTES = 512 * 1024;

	private final JsonMapper json;

	StrictJsonRequests(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.withJsonConverter(new LimitedJsonConverter(strict(this.json)));
	}

	private static JsonMapper strict(JsonMapper json) {
		return json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	/**
	 * Refuses a body whose declared length is over the limit unread, and stops reading
	 * one that grows past it.
	 */
	static class LimitedJsonConverter extends JacksonJsonHttpMessageConverter {

		LimitedJsonConverter(JsonMapper json) {
			super(json);
		}

		@Override
		public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
				throws IOException, HttpMessageNotReadableException {
			long declared = input.getHeaders().getContentLength();
			if (declared > MAX_BODY_BYTES) {
				throw new HttpMessageNotReadableException("Request body too large", new BodyTooLargeException(declared),
						input);
			}
			return super.read(type, new HttpInputMessage() {

				@Override
				public InputStream getBody() throws IOException {
					return new AtMost(input.getBody());
				}

				@Override
				public HttpHeaders getHeaders() {
					return input.getHeaders();
				}

			}, hints);
		}

	}

	private static class AtMost extends FilterInputStream {

		private long left = MAX_BODY_BYTES;

		AtMost(InputStream body) {
			super(body);
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				count(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int read) throws BodyTooLargeException {
			this.left -= read;
			if (this.left < 0) {
				throw new BodyTooLargeException(-1);
			}
		}

	}

	/**
	 * Jackson and Spring wrap it on the way out; {@link ApiProblems} looks for it among
	 * the causes.
	 */
	static class BodyTooLargeException extends IOException {

		/**
		 * @param declaredLength the body's Content-Length, or -1 when it was only found
		 * out by reading
		 */
		BodyTooLargeException(long declaredLength) {
			super("A request body can be at most " + MAX_BODY_BYTES / 1024 + " KB; this one is " + size(declaredLength)
					+ ".");
		}

		private static String size(long bytes) {
			if (bytes < 0) {
				return "larger";
			}
			return (bytes < 1024 * 1024) ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
					: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
		}

	}

}
