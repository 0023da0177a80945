/** A NATS JetStream source: a stream's messages loaded in micro-batches, acknowledged on commit. */
package dev.sluice.plugin.nats;
