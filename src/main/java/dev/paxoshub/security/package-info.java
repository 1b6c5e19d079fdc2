/**
 * Who may do what: the four filter chains
 * ({@link dev.paxoshub.security.SecurityConfiguration}), the sign-in cookie with its
 * sign-in version ({@link dev.paxoshub.security.SignInCookie}), the operator
 * ({@link dev.paxoshub.security.Operator}), the sign-in throttle, and the check of node
 * signatures on {@code /internal/**}.
 * <p>
 * May use: {@code consensus}, {@code store}, {@code node}.
 */
package dev.paxoshub.security;
