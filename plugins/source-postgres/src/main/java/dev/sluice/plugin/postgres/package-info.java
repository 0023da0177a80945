/** The PostgreSQL source connector. */
package dev.sluice.plugin.postgres;
