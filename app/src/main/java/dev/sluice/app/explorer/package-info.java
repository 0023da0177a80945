/** The project tree: the project's files and nodes by folder, opening one in an editor tab. */
package dev.sluice.app.explorer;
