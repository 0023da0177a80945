/**
 * Guards shared by every stage: file writes that stay inside their folder ({@link
 * dev.sluice.core.safety.SafePaths}), secret values that never reach a message, file or table
 * ({@link dev.sluice.core.spi.Secrets}), and I/O errors described in words ({@link
 * dev.sluice.core.safety.IoMessages}).
 */
package dev.sluice.core.safety;
