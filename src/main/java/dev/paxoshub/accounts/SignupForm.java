package dev.paxoshub.accounts;

import dev.paxoshub.text.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person types to create an account, on the page or through the API. */
public class SignupForm {

	@Obeys(Obeys.Rule.USERNAME)
	private String username;

	@NotBlank(message = "Enter an email address.")
	@Email(message = "Enter a valid email address, like you@example.com.")
	@Size(max = 254, message = "An email address can have at most 254 characters.")
	@PlainText(message = "An email address cannot contain control characters or invalid Unicode.")
	private String email;

	@Obeys(Obeys.Rule.PASSWORD)
	private String password;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username != null) ? username.trim() : null;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = (email != null) ? email.trim() : null;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
