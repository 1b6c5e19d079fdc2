package dev.paxoshub.accounts;

import jakarta.validation.constraints.NotBlank;

/**
 * A new password, asked twice, with the current one as proof that it is the owner asking.
 */
public class PasswordForm {

	@NotBlank(message = "Enter your current password.")
	private String currentPassword;

	@Obeys(Obeys.Rule.PASSWORD)
	private String newPassword;

	private String confirmPassword;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	boolean confirmed() {
		return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
	}

}
