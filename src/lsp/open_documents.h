#pragma once
// The editor's open buffers: text and version per document, changed by full or
// incremental (range) edits. Unsaved contents win over the disk for analysis.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/source.h"
#include "lsp/positions.h"

namespace eph::lsp {

struct OpenDocument {
  std::string uri;          // as the client wrote it (diagnostics go back to this URI)
  std::string path;         // normalised local path
  std::string language_id;
  int64_t version = 0;
  SourceFilePtr text;       // shared with running analyses: never mutated in place
};

// One applied edit as tree-sitter's ts_tree_edit wants it: byte offsets, and rows and byte
// columns, of the text before it (begin, old_end) and after it (new_end).
struct AppliedEdit {
  uint32_t begin = 0, old_end = 0, new_end = 0;
  LineCol begin_at, old_end_at, new_end_at;  // 1-based line, 1-based byte column
  SourceFilePtr after;                         // the text once this edit is applied
};

class OpenDocuments {
 public:
  const OpenDocument& open(std::string uri, std::string path, std::string language_id, int64_t version,
                           std::string text);
  bool close(const std::string& path);

  // Applies `changes` (TextDocumentContentChangeEvent[]) in order. All or nothing: on an
  // invalid change (out-of-range position, start after end, wrong types) the document keeps
  // its previous text and version and `error` says why.
  bool change(const std::string& path, int64_t version, const nlohmann::json& changes, PositionEncoding encoding,
              std::string& error, std::vector<AppliedEdit>* edits = nullptr);

  const OpenDocument* find(const std::string& path) const;
  const std::map<std::string, OpenDocument>& all() const { return docs_; }

 private:
  std::map<std::string, OpenDocument> docs_;  // by normalised path
};

}  // namespace eph::lsp
