#include "lsp/open_documents.h"

namespace eph::lsp {

const OpenDocument& OpenDocuments::open(std::string uri, std::string path, std::string language_id, int64_t version,
                                        std::string text) {
  OpenDocument doc;
  doc.uri = std::move(uri);
  doc.path = path;
  doc.language_id = std::move(language_id);
  doc.version = version;
  doc.text = std::make_shared<SourceFile>(path, std::move(text));
  return docs_[path] = std::move(doc);
}

bool OpenDocuments::close(const std::string& path) { return docs_.erase(path) > 0; }

const OpenDocument* OpenDocuments::find(const std::string& path) const {
  auto it = docs_.find(path);
  return it == docs_.end() ? nullptr : &it->second;
}

bool OpenDocuments::change(const std::string& path, int64_t version, const nlohmann::json& changes,
                           PositionEncoding encoding, std::string& error, std::vector<AppliedEdit>* edits) {
  auto it = docs_.find(path);
  if (it == docs_.end()) {
    error = "document is not open: " + path;
    return false;
  }
  if (!changes.is_array()) {
    error = "'contentChanges' must be an array";
    return false;
  }
  SourceFilePtr current = it->second.text;
  std::vector<AppliedEdit> applied;
  for (const auto& change : changes) {
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
      error = "a content change needs a string 'text'";
      return false;
    }
    const std::string& inserted = change["text"].get_ref<const std::string&>();
    auto range = change.find("range");
    if (range == change.end() || range->is_null()) {
      auto next = std::make_shared<SourceFile>(path, inserted);
      auto old_size = static_cast<uint32_t>(current->text().size());
      applied.push_back({0, old_size, static_cast<uint32_t>(inserted.size()), LineCol{1, 1},
                         current->position(old_size, ColumnUnit::Bytes),
                         next->position(static_cast<uint32_t>(inserted.size()), ColumnUnit::Bytes), next});
      current = std::move(next);
      continue;
    }
    if (!range->is_object() || !range->contains("start") || !range->contains("end")) {
      error = "a change range needs 'start' and 'end'";
      return false;
    }
    auto begin = offset_of_lsp_position(*current, (*range)["start"], encoding, error);
    if (!begin) return false;
    auto end = offset_of_lsp_position(*current, (*range)["end"], encoding, error);
    if (!end) return false;
    if (*end < *begin) {
      error = "a change range ends before it starts";
      return false;
    }
    std::string next;
    const std::string& old = current->text();
    next.reserve(old.size() - (*end - *begin) + inserted.size());
    next.append(old, 0, *begin).append(inserted).append(old, *end, std::string::npos);
    auto after = std::make_shared<SourceFile>(path, std::move(next));
    uint32_t new_end = *begin + static_cast<uint32_t>(inserted.size());
    applied.push_back({*begin, *end, new_end, current->position(*begin, ColumnUnit::Bytes),
                       current->position(*end, ColumnUnit::Bytes), after->position(new_end, ColumnUnit::Bytes), after});
    current = std::move(after);
  }
  if (current->text().size() > UINT32_MAX / 2) {
    error = "document too large";
    return false;
  }
  it->second.text = std::move(current);
  it->second.version = version;
  if (edits) *edits = std::move(applied);
  return true;
}

}  // namespace eph::lsp

