// didOpen / didChange / didSave / didClose: the open buffers, and re-analysis of their units.
#include "lsp/json_rpc.h"
#include "lsp/server.h"

namespace eph::lsp {

using nlohmann::json;

void Server::on_did_open(const json& params) {
  std::string path = document_path(params);
  const json& doc = require_object(params, "textDocument");
  const std::string& text = require_string(doc, "text");
  std::string language = doc.value("languageId", json("")).is_string() ? doc.value("languageId", "") : "";
  int64_t version = require_field(doc, "version", json::value_t::number_integer).get<int64_t>();
  trees_.open(path, documents_.open(require_string(doc, "uri"), path, language, version, text).text);
  if (is_config_path(path)) configuration_changed();  // its unsaved text now applies
  else schedule_unit_of(path);
}

void Server::on_did_change(const json& params) {
  std::string path = document_path(params);
  const json& doc = require_object(params, "textDocument");
  int64_t version = require_field(doc, "version", json::value_t::number_integer).get<int64_t>();
  const json& changes = require_field(params, "contentChanges", json::value_t::array);
  std::string error;
  std::vector<AppliedEdit> edits;
  if (!documents_.change(path, version, changes, encoding_, error, &edits)) {
    // The edit is refused as a whole; the client's buffer and ours may now differ, so say it loudly.
    log(1, "ephemera: rejected change to " + path + " (version " + std::to_string(version) + "): " + error);
    return;
  }
  trees_.edit(path, edits);
  if (is_config_path(path)) configuration_changed();
  else schedule_unit_of(path);
}

void Server::on_did_save(const json& params) {
  std::string path = document_path(params);
  if (!documents_.find(path)) return;
  if (is_config_path(path)) configuration_changed();
  else schedule_unit_of(path);
}

void Server::on_did_close(const json& params) {
  std::string path = document_path(params);
  const OpenDocument* doc = documents_.find(path);
  if (!doc) return;
  std::string uri = doc->uri;
  documents_.close(path);
  trees_.close(path);
  if (is_config_path(path)) {
    configuration_changed();  // the file on disk applies again
    return;
  }
  // With no document of the unit left open its diagnostics are withdrawn; otherwise the
  // unit is re-analysed with the closed file as it is on disk.
  std::string key = unit_key_of(path);
  bool unit_still_open = false;
  for (const auto& [p, d] : documents_.all()) unit_still_open = unit_still_open || unit_key_of(p) == key;
  if (unit_still_open) {
    schedule_unit_of(path, false, uri);
    return;
  }
  schedule_unit_of(path, true, uri);
}

}  // namespace eph::lsp
