// textDocument/hover: on a finding, the finding and its rule's documentation.
#include "lsp/json_rpc.h"
#include "lsp/lsp_ranges.h"
#include "lsp/server.h"
#include "registry/rule_registry.h"

namespace eph::lsp {

using nlohmann::json;

json Server::on_hover(const json& params) {
  std::string path = document_path(params);
  LspPoint at = point_of(require_object(params, "position"));
  std::string markdown;
  json range;
  for (const auto& f : scheduler_->findings_for(path)) {
    const json& r = f.diagnostic["range"];
    if (!contains(r, at)) continue;
    if (!markdown.empty()) markdown += "\n\n---\n\n";
    if (range.is_null()) range = r;
    markdown += "**" + f.rule_id + "** " + f.diagnostic["message"].get<std::string>() + "\n\n";
    if (const RuleEntry* rule = find_rule(f.rule_id)) markdown += std::string(rule->info->documentation);
  }
  if (markdown.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", range}};
}

}  // namespace eph::lsp
