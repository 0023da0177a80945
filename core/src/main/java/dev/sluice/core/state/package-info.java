/**
 * State-based selection against a saved {@code manifest.json} (dbt's slim CI): which nodes are new
 * or modified since the manifest, and where an unbuilt upstream lives in the other target when
 * deferring. In: the current manifest and a folder of saved artifacts. Out: selections and
 * relations.
 */
package dev.sluice.core.state;
