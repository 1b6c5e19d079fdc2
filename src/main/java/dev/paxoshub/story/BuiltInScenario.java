package dev.paxoshub.story;

/**
 * A scenario that comes with paxoshub.
 *
 * @param name its file's name without {@code .yaml}, as the page and the API name it
 * @param text the file as written, to show and to copy from
 */
public record BuiltInScenario(String name, Scenario scenario, String text) {
}
