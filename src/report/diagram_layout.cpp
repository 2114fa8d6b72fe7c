#include "report/diagram_layout.h"

#include <algorithm>
#include <map>

namespace eph {
namespace {

constexpr double kFontSize = 12, kSmallFont = 10.5;
constexpr double kMinWidth = 120, kMaxWidth = 340, kPadding = 12;
constexpr double kRowGap = 22, kMinColumnGap = 70, kMaxColumnGap = 190, kWaypointHeight = 8;
constexpr size_t kTitleChars = 48, kSubChars = 64;
constexpr int kSweeps = 8;

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

double node_height(const DiagramNode& n) {
  double h = 2 * kPadding + kFontSize + 4;
  if (!n.kind.empty() || !n.where.empty()) h += kSmallFont + 4;
  if (!n.findings.empty()) h += kSmallFont + 4;
  return h;
}

using Layers = std::vector<std::vector<size_t>>;

size_t crossings_between(const std::vector<size_t>& left, const std::vector<size_t>& right,
                         const std::vector<std::pair<size_t, size_t>>& edges) {
  std::map<size_t, size_t> pos_left, pos_right;
  for (size_t i = 0; i < left.size(); ++i) pos_left[left[i]] = i;
  for (size_t i = 0; i < right.size(); ++i) pos_right[right[i]] = i;
  std::vector<std::pair<size_t, size_t>> spans;
  for (auto [a, b] : edges) {
    if (pos_left.count(a) && pos_right.count(b)) spans.push_back({pos_left[a], pos_right[b]});
    else if (pos_left.count(b) && pos_right.count(a)) spans.push_back({pos_left[b], pos_right[a]});
  }
  size_t n = 0;
  for (size_t i = 0; i < spans.size(); ++i)
    for (size_t j = i + 1; j < spans.size(); ++j)
      if ((spans[i].first < spans[j].first && spans[i].second > spans[j].second) ||
          (spans[i].first > spans[j].first && spans[i].second < spans[j].second))
        ++n;
  return n;
}

size_t total_crossings(const Layers& layers, const std::vector<std::pair<size_t, size_t>>& edges) {
  size_t n = 0;
  for (size_t l = 0; l + 1 < layers.size(); ++l) n += crossings_between(layers[l], layers[l + 1], edges);
  return n;
}

// Orders `layer` by the mean position of each node's neighbours in `fixed`; nodes without
// neighbours there keep their place.
void order_by_barycenter(std::vector<size_t>& layer, const std::vector<size_t>& fixed,
                         const std::vector<std::pair<size_t, size_t>>& edges) {
  std::map<size_t, double> pos;
  for (size_t i = 0; i < fixed.size(); ++i) pos[fixed[i]] = static_cast<double>(i);
  std::vector<std::pair<double, size_t>> keyed;
  for (size_t i = 0; i < layer.size(); ++i) {
    double sum = 0;
    int count = 0;
    for (auto [a, b] : edges) {
      if (a == layer[i] && pos.count(b)) sum += pos[b], ++count;
      if (b == layer[i] && pos.count(a)) sum += pos[a], ++count;
    }
    keyed.push_back({count ? sum / count : static_cast<double>(i) * fixed.size() / std::max<size_t>(1, layer.size()), layer[i]});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (size_t i = 0; i < layer.size(); ++i) layer[i] = keyed[i].second;
}

}  // namespace

double text_width(std::string_view text, double font_size) { return code_points(text) * font_size * 0.58; }

std::string shorten(std::string_view text, size_t max_chars) {
  if (code_points(text) <= max_chars) return std::string(text);
  size_t seen = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == max_chars - 1) break;
  }
  return std::string(text.substr(0, i)) + "\u2026";
}

Layout layered_layout(const Diagram& diagram, const std::vector<size_t>& nodes) {
  Layout out;
  out.boxes.resize(diagram.nodes.size());
  if (nodes.empty()) return out;
  std::map<size_t, size_t> local;  // node index -> position in `nodes`
  for (size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = i;
  std::vector<std::pair<size_t, size_t>> edges;  // node indexes, both in `nodes`
  for (const DiagramEdge& e : diagram.edges)
    if (local.count(e.from) && local.count(e.to) && e.from != e.to) edges.push_back({e.from, e.to});

  // Break cycles: an edge back to a node on the depth-first stack is laid out reversed.
  const size_t n = nodes.size();
  std::vector<std::vector<size_t>> succ(n);
  for (auto [a, b] : edges) succ[local[a]].push_back(local[b]);
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::vector<std::pair<size_t, size_t>> dag;
  for (size_t root = 0; root < n; ++root) {
    if (state[root]) continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next == succ[v].size()) {
        state[v] = 2;
        stack.pop_back();
        continue;
      }
      size_t w = succ[v][next++];
      if (state[w] == 1) dag.push_back({w, v});
      else dag.push_back({v, w});
      if (state[w] == 0) {
        state[w] = 1;
        stack.push_back({w, 0});
      }
    }
  }
  // Longest-path layers over the acyclic edges (Kahn's order).
  std::vector<int> layer(n, 0), indegree(n, 0);
  std::vector<std::vector<size_t>> forward(n);
  for (auto [a, b] : dag) forward[a].push_back(b), ++indegree[b];
  std::vector<size_t> ready;
  for (size_t v = 0; v < n; ++v)
    if (!indegree[v]) ready.push_back(v);
  for (size_t i = 0; i < ready.size(); ++i)
    for (size_t w : forward[ready[i]]) {
      layer[w] = std::max(layer[w], layer[ready[i]] + 1);
      if (--indegree[w] == 0) ready.push_back(w);
    }
  int layer_count = *std::max_element(layer.begin(), layer.end()) + 1;
  Layers layers(layer_count);
  for (size_t v = 0; v < n; ++v) layers[layer[v]].push_back(nodes[v]);

  // An edge that skips layers gets a waypoint in each (ids past the diagram's nodes), and
  // the ordering sees it as a chain through them.
  std::vector<std::pair<size_t, size_t>> chained;
  std::vector<int> waypoint_layer;               // by waypoint id - diagram.nodes.size()
  std::vector<std::vector<size_t>> waypoints_of(diagram.edges.size());
  for (size_t i = 0; i < diagram.edges.size(); ++i) {
    const DiagramEdge& e = diagram.edges[i];
    if (!local.count(e.from) || !local.count(e.to) || e.from == e.to) continue;
    int from = layer[local[e.from]], to = layer[local[e.to]];
    size_t previous = e.from;
    for (int l = from + 1; l < to; ++l) {
      size_t id = diagram.nodes.size() + waypoint_layer.size();
      waypoint_layer.push_back(l);
      layers[l].push_back(id);
      waypoints_of[i].push_back(id);
      chained.push_back({previous, id});
      previous = id;
    }
    chained.push_back({previous, e.to});
  }
  edges = std::move(chained);
  auto is_waypoint = [&](size_t id) { return id >= diagram.nodes.size(); };

  // Barycenter sweeps down and up; the ordering with the fewest crossings wins.
  Layers best = layers;
  size_t best_crossings = total_crossings(layers, edges);
  for (int sweep = 0; sweep < kSweeps && best_crossings > 0; ++sweep) {
    if (sweep % 2 == 0)
      for (int l = 1; l < layer_count; ++l) order_by_barycenter(layers[l], layers[l - 1], edges);
    else
      for (int l = layer_count - 2; l >= 0; --l) order_by_barycenter(layers[l], layers[l + 1], edges);
    size_t c = total_crossings(layers, edges);
    if (c < best_crossings) best = layers, best_crossings = c;
  }

  // Columns as wide as their widest node, gaps wide enough for the edge labels between them.
  std::vector<double> column_width(layer_count, kMinWidth), gap(layer_count, kMinColumnGap), column_height(layer_count, 0);
  for (size_t v = 0; v < n; ++v) {
    const DiagramNode& node = diagram.nodes[nodes[v]];
    std::string sub = node.kind.empty() ? node.where : node.kind + " \u00b7 " + node.where;
    // Titles are bold: a tenth wider than the estimate.
    double w = std::max(text_width(shorten(node.title, kTitleChars), kFontSize) * 1.1, text_width(shorten(sub, kSubChars), kSmallFont));
    if (!node.findings.empty())  // the flag line: "⚠ 2 findings: EPH301 critical"
      w = std::max(w, text_width("! 2 findings: " + node.findings.front().substr(0, node.findings.front().find(':')), kSmallFont) + 8);
    column_width[layer[v]] = std::max(column_width[layer[v]], std::min(kMaxWidth, w + 2 * kPadding));
  }
  for (const DiagramEdge& e : diagram.edges) {
    if (!local.count(e.from) || !local.count(e.to)) continue;
    int l = std::min(layer[local[e.from]], layer[local[e.to]]);
    gap[l] = std::max(gap[l], std::min(kMaxColumnGap, text_width(shorten(e.label, 30), kSmallFont) + 30));
  }
  std::vector<double> column_x(layer_count, 0);
  double x = 0;
  for (int l = 0; l < layer_count; ++l) {
    column_x[l] = x;
    x += column_width[l] + (l + 1 < layer_count ? gap[l] : 0);
  }
  out.width = x;
  auto height_of = [&](size_t v) { return is_waypoint(v) ? kWaypointHeight : node_height(diagram.nodes[v]); };
  for (int l = 0; l < layer_count; ++l) {
    double h = 0;
    for (size_t v : best[l]) h += height_of(v) + kRowGap;
    column_height[l] = h - kRowGap;
  }
  out.height = *std::max_element(column_height.begin(), column_height.end());
  std::vector<double> waypoint_y(waypoint_layer.size());
  for (int l = 0; l < layer_count; ++l) {
    double y = (out.height - column_height[l]) / 2;
    for (size_t v : best[l]) {
      if (is_waypoint(v)) {
        waypoint_y[v - diagram.nodes.size()] = y + kWaypointHeight / 2;
        y += kWaypointHeight + kRowGap;
        continue;
      }
      NodeBox& box = out.boxes[v];
      box.layer = l;
      box.width = column_width[l];
      box.height = node_height(diagram.nodes[v]);
      box.x = column_x[l];
      box.y = y;
      y += box.height + kRowGap;
    }
  }
  out.routes.resize(diagram.edges.size());
  for (size_t i = 0; i < diagram.edges.size(); ++i)
    for (size_t id : waypoints_of[i]) {
      int l = waypoint_layer[id - diagram.nodes.size()];
      out.routes[i].push_back(Waypoint{column_x[l], column_x[l] + column_width[l], waypoint_y[id - diagram.nodes.size()]});
    }
  return out;
}

}  // namespace eph
