/**
 * Start-up benchmark: how long the {@code sluice} CLI takes from process start to exit on a small
 * project, beside a Java program that does nothing on the same class path.
 */
package dev.sluice.bench.start;
