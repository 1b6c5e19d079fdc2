/**
 * The site's frame: the shared page layout ({@link dev.paxoshub.web.PageLayout}), the
 * home page, the node pin, the node stylesheet, and how errors become pages and problem
 * details (consensus refusals included: {@link dev.paxoshub.web.ConsensusAnswers}).
 * <p>
 * May use: every feature package, {@code security}, {@code consensus}, {@code store},
 * {@code node}.
 */
package dev.paxoshub.web;
