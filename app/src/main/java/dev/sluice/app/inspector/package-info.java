/** The side panel for the selected node: its SQL and the property sheet that edits its YAML. */
package dev.sluice.app.inspector;
