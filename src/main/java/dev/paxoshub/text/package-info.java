/**
 * Rules for text people type: {@link dev.paxoshub.text.PlainText} refuses control
 * characters and lone surrogates.
 * <p>
 * May use: nothing of paxoshub.
 */
package dev.paxoshub.text;
