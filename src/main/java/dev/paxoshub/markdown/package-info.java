/**
 * READMEs to safe HTML: CommonMark, then an allow-list sanitiser, on threads of their own
 * with a deadline, cached per node ({@link dev.paxoshub.markdown.RenderedReadmes}).
 * <p>
 * May use: nothing of paxoshub.
 */
package dev.paxoshub.markdown;
