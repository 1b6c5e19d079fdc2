package dev.paxoshub.store;

import org.springframework.data.relational.core.mapping.Table;

/** A profile picture, kept with its account so that it travels with it between nodes. */
@Table("AVATAR")
public record Avatar(String contentType, byte[] bytes) {
}
