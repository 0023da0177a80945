/**
 * Writing files safely: a file is replaced whole (temporary file, then an atomic rename), so a
 * crash or a full disk never leaves half a project file, layout or run result behind. Used by
 * {@code edit}, {@code run}, the CLI and the app.
 */
package dev.sluice.core.io;
