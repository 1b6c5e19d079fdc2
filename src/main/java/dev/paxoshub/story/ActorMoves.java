package dev.paxoshub.story;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * Each action of a scenario as the site's pages carry it out: the form a person would
 * open, the fields they would type, the button they would press.
 */
final class ActorMoves {

	private ActorMoves() {
	}

	/**
	 * @param node where the request goes, or null to let the front door choose
	 */
	static Exchange perform(ActorStep step, String node, SiteSession browser) {
		return switch (step.action()) {
			case SIGN_UP -> browser.submit("/join", "/join",
					form("username", step.field("username"), "email", email(step), "password", step.field("password")),
					MediaType.APPLICATION_FORM_URLENCODED, node);
			case SIGN_IN -> browser.submit("/login", "/login",
					form("username", step.field("username"), "password", step.field("password")),
					MediaType.APPLICATION_FORM_URLENCODED, node);
			case OPEN_PROFILE -> browser.open("/" + segment(step.field("username")), node);
			case OPEN_REPO ->
				browser.open("/" + segment(step.field("username")) + "/" + segment(step.field("repo")), node);
			case EDIT_PROFILE -> browser.submit("/settings/profile", "/settings/profile",
					form("displayName", step.field("display-name"), "bio", step.field("bio")),
					MediaType.MULTIPART_FORM_DATA, node);
			case UPLOAD_AVATAR -> browser.submit("/settings/profile", "/settings/profile", avatar(step),
					MediaType.MULTIPART_FORM_DATA, node);
			case CREATE_REPO -> browser.submit("/new", "/new", form("name", step.field("name"), "description",
					step.field("description"), "readme", step.field("readme")), MediaType.APPLICATION_FORM_URLENCODED,
					node);
			case REFRESH -> browser.open(browser.lastPath(), node);
			case SIGN_OUT -> browser.submit(browser.lastPath(), "/logout", new LinkedMultiValueMap<>(),
					MediaType.APPLICATION_FORM_URLENCODED, node);
		};
	}

	private static String email(ActorStep step) {
		String email = step.field("email");
		return (email != null) ? email : step.field("username") + "@example.com";
	}

	/** Name and value pairs; a field the step leaves out is not sent. */
	private static MultiValueMap<String, Object> form(String... namesAndValues) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				form.add(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return form;
	}

	/**
	 * The profile form as it stands with a picture chosen: a small square of the step's
	 * colour, made on the spot. The names already on the profile are not sent, so the
	 * form leaves them as they were.
	 */
	private static MultiValueMap<String, Object> avatar(ActorStep step) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		byte[] png = square(step.field("color"));
		form.add("avatar", new ByteArrayResource(png) {
			@Override
			public String getFilename() {
				return "avatar.png";
			}
		});
		return form;
	}

	private static byte[] square(String color) {
		BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor((color != null) ? Color.decode(color) : new Color(0x2f6fde));
		graphics.fillRect(0, 0, 64, 64);
		graphics.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String segment(String text) {
		return UriUtils.encodePathSegment(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
