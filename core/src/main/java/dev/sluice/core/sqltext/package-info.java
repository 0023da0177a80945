/**
 * Reading SQL with Jinja as text: one tokenizer that knows comments, strings, quoted names and
 * Jinja tags, for the places that look into model SQL without rendering it (the leading {@code
 * with} the compiler and the ref edits add to). Depends on nothing else in Sluice.
 */
package dev.sluice.core.sqltext;
