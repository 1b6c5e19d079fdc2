package dev.paxoshub.accounts;

import dev.paxoshub.text.PlainText;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** The editable part of a profile; the avatar is optional on every save. */
public class ProfileForm {

	@Size(max = 100, message = "A display name can have at most 100 characters.")
	@PlainText(message = "A display name cannot contain control characters or invalid Unicode.")
	private String displayName;

	/** Typed in a text area, so it may have line breaks. */
	@Size(max = 160, message = "A bio can have at most 160 characters.")
	@PlainText(multiline = true,
			message = "A bio cannot contain control characters (other than line breaks and tabs) or invalid Unicode.")
	private String bio;

	private MultipartFile avatar;

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = blankToNull(displayName);
	}

	public String getBio() {
		return this.bio;
	}

	public void setBio(String bio) {
		this.bio = blankToNull(bio);
	}

	public MultipartFile getAvatar() {
		return this.avatar;
	}

	public void setAvatar(MultipartFile avatar) {
		this.avatar = avatar;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
