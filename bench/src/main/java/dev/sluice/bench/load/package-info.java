/** Benchmarks for extract and load, and the small JSON API the elt_shop sample reads. */
package dev.sluice.bench.load;
