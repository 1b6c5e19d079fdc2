package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.paxoshub.accounts.AvatarRules.InvalidAvatarException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTypeTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

	@Test
	void recognisesEachAllowedFormatByItsBytes() {
		assertThat(ImageType.detect(PNG)).contains(ImageType.PNG);
		assertThat(ImageType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains(ImageType.JPEG);
		assertThat(ImageType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.GIF);
		assertThat(ImageType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
			.contains(ImageType.WEBP);
	}

	@Test
	void aScriptNamedLikeAPictureIsNotAPicture() {
		assertThat(ImageType.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(ImageType.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageType.detect(new byte[0])).isEmpty();
	}

	@Test
	void avatarsOverOneMegabyteAreRefusedWithTheirSize() {
		byte[] big = Arrays.copyOf(PNG, AvatarRules.MAX_BYTES + 1);
		assertThatThrownBy(() -> AvatarRules.check(big)).isInstanceOf(InvalidAvatarException.class)
			.satisfies(
					(ex) -> assertThat(((InvalidAvatarException) ex).getBody().getDetail()).contains("at most 1 MB"));
		assertThat(AvatarRules.check(Arrays.copyOf(PNG, AvatarRules.MAX_BYTES)).contentType()).isEqualTo("image/png");
	}

	@Test
	void otherFilesAreRefusedWithTheFormatsThatWouldDo() {
		assertThatThrownBy(() -> AvatarRules.check("hello".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(((InvalidAvatarException) ex).getBody().getDetail())
				.isEqualTo("An avatar must be a PNG, JPEG, GIF or WebP image."));
	}

}
