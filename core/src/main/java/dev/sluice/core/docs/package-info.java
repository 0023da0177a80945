/**
 * The static docs site: every node with its description, columns (types from the warehouse), tests
 * and their last results, SQL and compiled SQL, and a lineage graph with search, as HTML, CSS and
 * one script that open from a file URL with no server. In: a manifest, its column lineage, the
 * warehouse's columns and the last run results. Out: a folder of files.
 */
package dev.sluice.core.docs;
