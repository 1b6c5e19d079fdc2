package dev.paxoshub.properties;

import java.util.List;

/**
 * One account record as one node holds it, as far as the consensus properties care.
 *
 * @param id the account's global id (two accounts with one name have two ids)
 * @param usernameKey the lower-cased username the record claims
 * @param revision how many changes the record has been through
 * @param lineage the version stamps of this record's history, oldest first, the current
 * one last (see {@link VersionStamp}); a write is kept as long as its stamp is in the
 * lineage of the copy a node holds
 * @param released whether reconciliation settled that this record lost its name to
 * another account (it is kept, without its name)
 */
public record AccountCopy(String id, String usernameKey, long revision, List<String> lineage, boolean released) {
}
