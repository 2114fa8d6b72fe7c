#include "parse_only.h"

#include <tree_sitter/api.h>
#include <yaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/source.h"
#include "syntax/hcl/hcl_parse.h"
#include "syntax/json/json_loader.h"

namespace eph::bench {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// yaml-cpp's parser with a handler that keeps nothing, for the texts libyaml rejects.
class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// libyaml's event parser over the whole text, events dropped: true when it reads to the end.
bool libyaml_reads(const std::string& text) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return false;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  bool ok = true;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return ok;
}

}  // namespace

ParseOnlyResult parse_only(const std::vector<std::string>& files) {
  ParseOnlyResult r;
  for (const auto& path : files) {
    std::string text = slurp(path);
    r.bytes += text.size();
    ++r.files;
    if (ends_with(path, ".tf") || ends_with(path, ".tfvars")) {
      // The engine's parse (hcl_parse.h): with the fallback to the grammar's scanner included.
      TSTree* tree = hcl::parse_hcl(text, nullptr);
      if (ts_node_has_error(ts_tree_root_node(tree))) ++r.failures;
      ts_tree_delete(tree);
    } else if (ends_with(path, ".json") || ends_with(path, ".template")) {
      SourceFile file(path, text);
      if (!json::parse(file).ok()) ++r.failures;
    } else {
      // The scan's own order (syntax/yaml): libyaml's events where libyaml reads the text,
      // yaml-cpp for the texts it rejects.
      if (!libyaml_reads(text)) {
        try {
          std::istringstream in(text);
          YAML::Parser yaml(in);
          NullHandler handler;
          while (yaml.HandleNextDocument(handler)) {
          }
        } catch (const std::exception&) {
          ++r.failures;
        }
      }
    }
  }
  return r;
}

}  // namespace eph::bench
