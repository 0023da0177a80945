/** The MySQL and MariaDB source connector. */
package dev.sluice.plugin.mysql;
