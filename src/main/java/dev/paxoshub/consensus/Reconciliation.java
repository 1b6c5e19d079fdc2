package dev.paxoshub.consensus;

import java.util.List;

/**
 * Settles what the nodes came to disagree on while consensus was off, when it is turned
 * on: every account any node holds is claimed through consensus in a fixed order, oldest
 * first, and a copy that loses its name is kept and reported, never deleted.
 */
public interface Reconciliation {

	/**
	 * @return every conflict known so far, including those settled by earlier runs
	 */
	List<String> reconcile();

	/** Conflicts settled so far, as sentences for people. */
	List<String> conflicts();

}
