// textDocument/codeAction: the rule's fix and the suppression comment for findings in range.
#include <set>

#include "lsp/json_rpc.h"
#include "lsp/lsp_ranges.h"
#include "lsp/server.h"

namespace eph::lsp {

using nlohmann::json;

namespace {

bool wants_quickfix(const json& context) {
  auto only = context.find("only");
  if (only == context.end() || !only->is_array()) return true;
  for (const auto& kind : *only) {
    // Kinds are hierarchical: asking for "quickfix" or a parent ("") includes ours.
    if (kind == "quickfix" || kind == "") return true;
  }
  return false;
}

}  // namespace

json Server::on_code_action(const json& params) {
  std::string path = document_path(params);
  const json& range = require_object(params, "range");
  LspPoint begin = point_of(require_object(range, "start"));
  LspPoint end = point_of(require_object(range, "end"));
  if (end < begin) throw RpcError(kInvalidParams, "the range ends before it starts");
  json actions = json::array();
  auto context = params.find("context");
  if (context != params.end() && context->is_object() && !wants_quickfix(*context)) return actions;

  std::vector<json> fixes, suppressions;
  std::set<std::pair<std::string, int64_t>> suppressed_lines;  // one comment per rule and line
  for (const auto& f : scheduler_->findings_for(path)) {
    const json& r = f.diagnostic["range"];
    if (!overlaps(r, begin, end)) continue;
    if (!f.fix.is_null()) fixes.push_back(f.fix);
    if (!f.suppression.is_null() && suppressed_lines.insert({f.rule_id, r["start"]["line"].get<int64_t>()}).second)
      suppressions.push_back(f.suppression);
  }
  for (auto& a : fixes) actions.push_back(std::move(a));
  for (auto& a : suppressions) actions.push_back(std::move(a));
  return actions;
}

}  // namespace eph::lsp
