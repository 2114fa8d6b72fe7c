#include "report/diagram_svg.h"

#include <cmath>
#include <cstdio>

#include "report/diagram_layout.h"
#include "report/diagram_text.h"

namespace eph {
namespace {

constexpr double kMargin = 16, kGroupTitle = 26, kGroupGap = 28, kBelow = 34;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

const char* severity_class(Severity s) {
  switch (s) {
    case Severity::Critical: return " sev-critical";
    case Severity::High: return " sev-high";
    case Severity::Medium: return " sev-medium";
    case Severity::Low: return " sev-low";
    case Severity::Info: return " sev-info";
  }
  return "";
}

struct Point {
  double x = 0, y = 0;
};

}  // namespace

std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string_view svg_stylesheet() {
  return R"(.eph-graph{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--eph-fg:#1f2328;--eph-muted:#59636e;--eph-node:#ffffff;--eph-border:#8c959f;--eph-edge:#6e7781;--eph-group:#f6f8fa;--eph-label-bg:#ffffff}
@media (prefers-color-scheme:dark){.eph-graph{--eph-fg:#e6edf3;--eph-muted:#9198a1;--eph-node:#161b22;--eph-border:#3d444d;--eph-edge:#8b949e;--eph-group:#0d1117;--eph-label-bg:#0d1117}}
.eph-graph .eph-node rect{fill:var(--eph-node);stroke:var(--eph-border);stroke-width:1.2}
.eph-graph .eph-node .title{fill:var(--eph-fg);font-size:12px;font-weight:600}
.eph-graph .eph-node .sub{fill:var(--eph-muted);font-size:10.5px}
.eph-graph .eph-node .flag{font-size:10.5px;font-weight:600}
.eph-graph .eph-edge path{fill:none;stroke:var(--eph-edge);stroke-width:1.3}
.eph-graph .eph-edge text{fill:var(--eph-muted);font-size:10.5px}
.eph-graph .eph-edge rect{fill:var(--eph-label-bg);opacity:.9}
.eph-graph .eph-arrow{fill:var(--eph-edge)}
.eph-graph .eph-group>rect{fill:var(--eph-group);stroke:var(--eph-border);stroke-dasharray:4 3}
.eph-graph .eph-group>text{fill:var(--eph-muted);font-size:12px;font-weight:600}
.eph-graph .sev-critical rect{stroke:#a3208f;stroke-width:2.5}.eph-graph .sev-critical .flag{fill:#a3208f}
.eph-graph .sev-high rect{stroke:#cf222e;stroke-width:2.5}.eph-graph .sev-high .flag{fill:#cf222e}
.eph-graph .sev-medium rect{stroke:#bc4c00;stroke-width:2.5}.eph-graph .sev-medium .flag{fill:#bc4c00}
.eph-graph .sev-low rect{stroke:#1b7c83;stroke-width:2.5}.eph-graph .sev-low .flag{fill:#1b7c83}
.eph-graph .sev-info rect{stroke:#0969da;stroke-width:2.5}.eph-graph .sev-info .flag{fill:#0969da}
)";
}

void write_svg(std::ostream& out, const Diagram& diagram, const SvgOptions& options) {
  auto groups = diagram_groups(diagram);
  // Room below the boxes only for edges that loop back under them.
  bool loops = false;
  std::vector<Layout> layouts;
  std::vector<double> top;
  double width = 0, height = kMargin;
  for (const auto& [name, nodes] : groups) {
    layouts.push_back(layered_layout(diagram, nodes));
    const Layout& l = layouts.back();
    for (const DiagramEdge& e : diagram.edges)
      if (l.boxes[e.from].width > 0 && l.boxes[e.to].width > 0 && l.boxes[e.to].layer <= l.boxes[e.from].layer) loops = true;
    top.push_back(height + (name.empty() ? 0 : kGroupTitle));
    height = top.back() + l.height + (name.empty() ? 0 : kBelow + kGroupGap);
    width = std::max(width, l.width);
  }
  width += 2 * kMargin;
  height += kMargin + (loops ? kBelow : 0);
  // Every node's box in page coordinates.
  std::vector<NodeBox> box(diagram.nodes.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t v : groups[g].second) {
      box[v] = layouts[g].boxes[v];
      box[v].x += kMargin;
      box[v].y += top[g];
    }

  const std::string arrow = options.id_prefix + "-arrow";
  if (options.standalone) out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"eph-graph\" width=\"" << num(width) << "\" height=\""
      << num(height) << "\" viewBox=\"0 0 " << num(width) << " " << num(height) << "\" role=\"img\"";
  if (!options.label.empty()) out << " aria-label=\"" << xml_text(options.label) << "\"";
  out << ">\n";
  if (options.standalone) out << "<style>\n" << svg_stylesheet() << "</style>\n";
  out << "<defs><marker id=\"" << arrow
      << "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
         "<path class=\"eph-arrow\" d=\"M0,0L10,5L0,10z\"/></marker></defs>\n";
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].first.empty()) continue;
    out << "<g class=\"eph-group\"><rect x=\"" << num(kMargin / 2) << "\" y=\"" << num(top[g] - kGroupTitle) << "\" width=\""
        << num(width - kMargin) << "\" height=\"" << num(layouts[g].height + kGroupTitle + kBelow) << "\" rx=\"8\"/>"
        << "<text x=\"" << num(kMargin) << "\" y=\"" << num(top[g] - kGroupTitle + 17) << "\">"
        << xml_text(shorten(groups[g].first, 120)) << "</text></g>\n";
  }
  // Edges first, so that boxes cover their ends. A forward edge is a chain of curves with
  // level ends through the columns it skips; an edge back (or within a column) loops under
  // every box of its group.
  std::vector<size_t> group_of(diagram.nodes.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t v : groups[g].second) group_of[v] = g;
  for (size_t i = 0; i < diagram.edges.size(); ++i) {
    const DiagramEdge& e = diagram.edges[i];
    const NodeBox &a = box[e.from], &b = box[e.to];
    if (a.width == 0 || b.width == 0) continue;
    Point label_at;
    std::string d;
    if (b.layer > a.layer) {
      const size_t g = group_of[e.from];
      std::vector<Point> stops{{a.x + a.width, a.y + a.height / 2}};
      for (const Waypoint& w : layouts[g].routes[i]) {
        stops.push_back({w.x_left + kMargin, w.y + top[g]});
        stops.push_back({w.x_right + kMargin, w.y + top[g]});
      }
      stops.push_back({b.x, b.y + b.height / 2});
      d = "M" + num(stops[0].x) + "," + num(stops[0].y);
      for (size_t k = 0; k + 1 < stops.size(); ++k) {
        Point p0 = stops[k], p3 = stops[k + 1];
        if (k % 2 == 1) {  // straight through a skipped column
          d += "L" + num(p3.x) + "," + num(p3.y);
          continue;
        }
        double dx = (p3.x - p0.x) / 2;
        d += "C" + num(p0.x + dx) + "," + num(p0.y) + " " + num(p3.x - dx) + "," + num(p3.y) + " " + num(p3.x) + "," +
             num(p3.y);
      }
      // The label sits in the gap the edge leaves its source by.
      Point p0 = stops[0], p3 = stops[1];
      label_at = {(p0.x + p3.x) / 2, (p0.y + p3.y) / 2};
    } else {
      const size_t g = group_of[e.from];
      Point p0{a.x + a.width / 2, a.y + a.height}, p3{b.x + b.width / 2 + (e.from == e.to ? 12 : 0), b.y + b.height};
      double below = top[g] + layouts[g].height + kBelow * 0.6;
      // Down, along under every box, and up: corners rounded, never through a box.
      double dir = p3.x < p0.x ? -1 : 1, r = std::min(8.0, std::abs(p3.x - p0.x) / 2);
      d = "M" + num(p0.x) + "," + num(p0.y) + "L" + num(p0.x) + "," + num(below - r) + "Q" + num(p0.x) + "," + num(below) +
          " " + num(p0.x + dir * r) + "," + num(below) + "L" + num(p3.x - dir * r) + "," + num(below) + "Q" + num(p3.x) + "," +
          num(below) + " " + num(p3.x) + "," + num(below - r) + "L" + num(p3.x) + "," + num(p3.y);
      label_at = {(p0.x + p3.x) / 2, below};
    }
    out << "<g class=\"eph-edge\"><path d=\"" << d << "\" marker-end=\"url(#" << arrow << ")\"/>";
    if (!e.label.empty()) {
      std::string label = shorten(e.label, 30);
      double w = text_width(label, 10.5) + 6;
      out << "<title>" << xml_text(e.label) << "</title><rect x=\"" << num(label_at.x - w / 2) << "\" y=\""
          << num(label_at.y - 8) << "\" width=\"" << num(w) << "\" height=\"14\" rx=\"3\"/><text x=\"" << num(label_at.x)
          << "\" y=\"" << num(label_at.y + 3.5) << "\" text-anchor=\"middle\">" << xml_text(label) << "</text>";
    }
    out << "</g>\n";
  }
  for (size_t v = 0; v < diagram.nodes.size(); ++v) {
    const DiagramNode& n = diagram.nodes[v];
    const NodeBox& b = box[v];
    if (b.width == 0) continue;
    out << "<g class=\"eph-node" << (n.severity ? severity_class(*n.severity) : "") << "\"><title>" << xml_text(n.title);
    if (!n.kind.empty()) out << "\n" << xml_text(n.kind);
    if (!n.where.empty()) out << "\n" << xml_text(n.where);
    for (const std::string& f : n.findings) out << "\n" << xml_text(f);
    out << "</title><rect x=\"" << num(b.x) << "\" y=\"" << num(b.y) << "\" width=\"" << num(b.width) << "\" height=\""
        << num(b.height) << "\" rx=\"6\"/>";
    size_t title_chars = static_cast<size_t>((b.width - 24) / (12 * 0.58 * 1.1));
    size_t sub_chars = static_cast<size_t>((b.width - 24) / (10.5 * 0.58));
    double y = b.y + 12 + 12;
    out << "<text class=\"title\" x=\"" << num(b.x + 12) << "\" y=\"" << num(y) << "\">" << xml_text(shorten(n.title, title_chars))
        << "</text>";
    std::string sub = n.kind.empty() ? n.where : n.where.empty() ? n.kind : n.kind + " \u00b7 " + n.where;
    if (!sub.empty()) {
      y += 14.5;
      out << "<text class=\"sub\" x=\"" << num(b.x + 12) << "\" y=\"" << num(y) << "\">" << xml_text(shorten(sub, sub_chars))
          << "</text>";
    }
    if (!n.findings.empty()) {
      y += 14.5;
      std::string flag = "\u26a0 " + std::to_string(n.findings.size()) + (n.findings.size() == 1 ? " finding: " : " findings: ") +
                         n.findings.front().substr(0, n.findings.front().find(':'));
      out << "<text class=\"flag\" x=\"" << num(b.x + 12) << "\" y=\"" << num(y) << "\">" << xml_text(shorten(flag, sub_chars))
          << "</text>";
    }
    out << "</g>\n";
  }
  out << "</svg>\n";
}

}  // namespace eph
