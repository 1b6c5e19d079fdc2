/**
 * The five properties of consensus, judged from what a cluster looks like:
 * {@link dev.paxoshub.properties.PropertiesCheck} turns each
 * {@link dev.paxoshub.properties.ClusterObservation} into one
 * {@link dev.paxoshub.properties.Verdict} per {@link dev.paxoshub.properties.Property},
 * with a sentence a person can check. A pure function of the looks it is given: no clock,
 * no I/O, no threads, and no idea which consensus mode the cluster runs.
 * <p>
 * May use: the JDK only.
 */
package dev.paxoshub.properties;
