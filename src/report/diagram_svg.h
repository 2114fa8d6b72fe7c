#pragma once
// A diagram drawn as SVG with ephemera's own layered layout (report/diagram_layout.h):
// boxes with the resource, its kind and file:line, labelled arrows, nodes with findings
// outlined in their severity's colour (their findings in the tooltip). Colours come from
// CSS classes, so a page can restyle them (light and dark schemes).
#include <ostream>
#include <string>

#include "report/diagram.h"

namespace eph {

struct SvgOptions {
  std::string id_prefix = "d";   // unique per drawing in one page (arrow markers are referenced by id)
  bool standalone = true;        // an .svg file: XML declaration and its own stylesheet
  std::string label;             // the drawing's accessible name
};

void write_svg(std::ostream& out, const Diagram& diagram, const SvgOptions& options);

// The stylesheet the drawings use (classes eph-node, eph-edge...), light and dark.
std::string_view svg_stylesheet();

// Text escaped for XML character data and attribute values.
std::string xml_text(std::string_view s);

}  // namespace eph
