#pragma once
// Decoding JSON and YAML text into positioned values. When the text stands verbatim in a
// source file (a heredoc, a file read by file()), positions point at the exact bytes;
// otherwise every position is the fallback, where the text came from.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace eph::terraform::fn {

struct Decoded {
  std::optional<Value> value;  // nullopt: not a document of this format
  bool limit_hit = false;      // a safety limit stopped decoding (size, nodes, depth)
};

// `text` with `where` the range its string value was written at (may be invalid).
Decoded decode_json(std::string_view text, const Range& where, const Range& fallback);
Decoded decode_yaml(std::string_view text, const Range& where, const Range& fallback);

// The file's whole text as JSON, positioned into the file; null when it is not JSON.
std::shared_ptr<const Value> decode_json_file(const SourceFile& file);

// A document decoded from rendered text (a template, an interpolated heredoc) has every
// position at its origin. A string or key written verbatim exactly once in `written` and
// appearing exactly once in `rendered` can only come from that place: it gets that position.
// For YAML, a block key ("get:") written and rendered once is anchored too.
void anchor_literals(Value& doc, const Range& written, std::string_view rendered, bool yaml = false);

// Applies marks to `v` and everything inside it (a sensitive string decodes to sensitive parts).
void mark_deep(Value& v, uint8_t marks);

}  // namespace eph::terraform::fn

namespace eph::terraform::fn {

// Whether a file holds YAML by its name (".yaml", ".yml").
bool is_yaml_file_name(std::string_view path);

// The document a rendered template holds (JSON, or YAML for a YAML file), positioned into
// the template where its literals are unique. `rendered` is the rendered text, or for a
// template with unknown parts its pattern, each unknown part written "${...}" and standing
// for the next of `unknown_parts` in order: the strings that hold them stay Unknown (partly
// known), with the references of what they stand for. Null when not a document.
std::shared_ptr<const Value> decode_rendered_template(std::string_view rendered, const std::vector<Value>& unknown_parts,
                                                      const SourceFile& file, const Range& fallback);

}  // namespace eph::terraform::fn
