package dev.paxoshub.checker;

import java.util.Map;

/**
 * Each node's Raft role at one moment, as the node itself reported it ({@code leader},
 * {@code follower}, {@code candidate}, ...; {@code down} when it did not answer,
 * {@code off} when it runs without Raft).
 */
public record RoleSample(double time, Map<String, String> roles) {
}
