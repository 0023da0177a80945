/**
 * The project model: immutable nodes read from a project folder (sluice.yml or dbt_project.yml),
 * with every problem found and where.
 */
package dev.sluice.core.project;
