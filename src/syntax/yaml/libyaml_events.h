#pragma once
// libyaml's parser driving a yaml-cpp event handler. yaml-cpp 0.7 rejects some valid YAML
// that templates contain (a tagged plain scalar continued on the next line, a tagged block
// scalar in a sequence indented by one or two spaces) and accepts some invalid YAML (a
// trailing plain scalar in a block mapping); libyaml, the parser behind PyYAML and so
// behind cfn-lint and the AWS CLI, gets these right. The loader asks libyaml whether the
// text is YAML and builds from libyaml's events where yaml-cpp fails (yaml_loader.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace YAML {
class EventHandler;
}

namespace eph::yaml {

struct LibyamlError {
  uint32_t offset = 0;  // byte offset in the text
  std::string message;
};

// Parses the first document of `text` (later documents are not read, as with yaml-cpp's
// HandleNextDocument) and, when `handler` is given, replays its events with yaml-cpp's
// conventions: marks are byte offsets into `text`; untagged plain scalars have the tag "?",
// other untagged scalars "!"; plain null scalars are OnNull; anchors are numbered. Returns
// the first error, if any (events before it have been replayed).
std::optional<LibyamlError> replay_first_document(std::string_view text, YAML::EventHandler* handler);

}  // namespace eph::yaml
