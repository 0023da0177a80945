/**
 * Virtual environments on DuckDB, as SQLMesh has them: every version of a model (by a hash of its
 * rendered SQL, which names its upstreams' versions) is built once into a physical table; an
 * environment is a set of views onto those tables, recorded in {@code _sluice}. A plan builds only
 * the versions no environment has yet; promoting or rolling back only repoints views. In: a
 * manifest and the warehouse. Out: plans and catalog changes.
 */
package dev.sluice.core.env;
