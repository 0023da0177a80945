/**
 * Benchmarks of Sluice at scale, each beside its raw baseline in the same run: parsing and
 * compiling 10,000 and 20,000 models, partial parsing after one edit, a 1,000-view run against the
 * same statements on one connection, and a limited query of a 100M-row table against a streaming
 * read.
 */
package dev.sluice.bench.scale;
