/**
 * The article's story, and others like it, played for real: a scenario file says who does
 * what on which node and which fault strikes when, and the engine plays it as an ordinary
 * client (the sites' pages, the home's public and chaos APIs) on every cluster at once,
 * recording what each side answered. It knows nothing of the modes: the clusters differ
 * only in what they do.
 */
package dev.paxoshub.story;
