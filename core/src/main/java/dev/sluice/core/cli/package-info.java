/**
 * The sluice command line (picocli): thin commands that parse options, call the pipeline and print.
 */
package dev.sluice.core.cli;
