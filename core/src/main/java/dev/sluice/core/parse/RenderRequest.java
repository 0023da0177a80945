package dev.sluice.core.parse;

import dev.sluice.core.project.Node;
import dev.sluice.core.warehouse.Relation;
import java.util.function.Function;

/**
 * What one rendering needs besides the template: the node it belongs to, how names turn into
 * relations, and whether {@code is_incremental()} is true.
 *
 * @param resolve turns a node into the relation its {@code ref()} or {@code source()} prints
 * @param incremental the value of {@code is_incremental()}
 */
public record RenderRequest(
    Node node, String template, Function<Node, Relation> resolve, boolean incremental) {}
