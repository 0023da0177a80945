/** The REST source: JSON APIs with headers, pagination, retries and incremental parameters. */
package dev.sluice.plugin.rest;
