#pragma once
// A small layered (Sugiyama-style) layout, left to right, for the small graphs ephemera
// draws (an evidence chain has a handful of nodes; a unit's traffic view a few dozen):
// cycles broken by reversing back edges, longest-path layers, an invisible waypoint in each
// layer an edge skips (so it runs between boxes, not behind them), barycenter ordering
// within layers (kept when it crosses fewer edges), columns as wide as their widest node.
// README.md ("Drawings") says why ephemera lays out its own drawings instead of linking
// Graphviz.
#include <vector>

#include "report/diagram.h"

namespace eph {

struct NodeBox {
  double x = 0, y = 0, width = 0, height = 0;
  int layer = 0;
};

struct Waypoint {
  double x_left = 0, x_right = 0, y = 0;  // where an edge crosses a column it skips
};

struct Layout {
  std::vector<NodeBox> boxes;  // by node index; nodes outside the laid out set stay zero
  std::vector<std::vector<Waypoint>> routes;  // by edge index: the columns a forward edge skips
  double width = 0, height = 0;
};

// Lays out `nodes` (indexes into diagram.nodes) and the edges between them.
Layout layered_layout(const Diagram& diagram, const std::vector<size_t>& nodes);

// Display width of text in the drawings' font, in pixels (an estimate per code point).
double text_width(std::string_view text, double font_size);

// At most `max_chars` code points of `text`, ending in "…" when cut.
std::string shorten(std::string_view text, size_t max_chars);

}  // namespace eph
