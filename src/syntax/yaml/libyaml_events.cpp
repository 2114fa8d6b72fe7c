#include "syntax/yaml/libyaml_events.h"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace eph::yaml {
namespace {

constexpr uint32_t kCheckpointEvery = 64;

// libyaml counts characters (code points); the loader works in bytes. Checkpoints every 64
// characters keep the conversion cheap without a table the size of the text.
class CharToByte {
 public:
  explicit CharToByte(std::string_view text) : text_(text) {
    uint32_t chars = 0;
    for (uint32_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
      if (chars % kCheckpointEvery == 0) checkpoints_.push_back(i);
      ++chars;
    }
    chars_ = chars;
  }

  uint32_t offset(size_t char_index) const {
    if (char_index >= chars_) return static_cast<uint32_t>(text_.size());
    if (chars_ == text_.size()) return static_cast<uint32_t>(char_index);  // ASCII: a character a byte
    uint32_t at = checkpoints_[char_index / kCheckpointEvery];
    for (size_t left = char_index % kCheckpointEvery; left > 0; --left) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }

 private:
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;
  size_t chars_ = 0;
};

bool is_null_word(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::string tag_of(const yaml_char_t* tag) { return tag ? std::string(reinterpret_cast<const char*>(tag)) : std::string(); }

class Replay {
 public:
  // libyaml skips a byte order mark without counting it.
  Replay(std::string_view text, YAML::EventHandler* handler)
      : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), chars_(text.substr(bom_)), handler_(handler) {}

  std::optional<LibyamlError> run() {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return LibyamlError{0, "cannot start the YAML parser"};
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    std::optional<LibyamlError> error;
    bool done = false;
    while (!done) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        error = error_of(parser);
        break;
      }
      done = event.type == YAML_STREAM_END_EVENT || event.type == YAML_DOCUMENT_END_EVENT;
      if (auto e = deliver(event)) {
        error = e;
        done = true;
      }
      yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return error;
  }

 private:
  std::string_view text_;
  uint32_t bom_;
  CharToByte chars_;
  YAML::EventHandler* handler_;
  std::unordered_map<std::string, YAML::anchor_t> anchors_;
  YAML::anchor_t next_anchor_ = 1;

  uint32_t offset(const yaml_mark_t& m) const {
    size_t index = m.index;
    return bom_ + chars_.offset(index);
  }

  YAML::Mark mark(const yaml_mark_t& m) const {
    YAML::Mark out;
    out.pos = static_cast<int>(offset(m));
    out.line = static_cast<int>(m.line);
    out.column = static_cast<int>(m.column);
    return out;
  }

  LibyamlError error_of(const yaml_parser_t& parser) const {
    std::string message = parser.problem ? parser.problem : "invalid YAML";
    if (parser.context) message += std::string(" ") + parser.context;
    return LibyamlError{offset(parser.problem_mark), message};
  }

  YAML::anchor_t anchor(const yaml_char_t* name) {
    if (!name) return YAML::NullAnchor;
    YAML::anchor_t id = next_anchor_++;
    anchors_[reinterpret_cast<const char*>(name)] = id;  // a later anchor of the same name wins
    return id;
  }

  std::optional<LibyamlError> deliver(const yaml_event_t& e) {
    if (!handler_) return std::nullopt;
    YAML::Mark at = mark(e.start_mark);
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT: handler_->OnDocumentStart(at); break;
      case YAML_DOCUMENT_END_EVENT: handler_->OnDocumentEnd(); break;
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end()) return LibyamlError{offset(e.start_mark), "the referenced anchor is not defined"};
        handler_->OnAlias(at, it->second);
        break;
      }
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        YAML::anchor_t id = anchor(s.anchor);
        std::string value = s.value ? std::string(reinterpret_cast<const char*>(s.value), s.length) : std::string();
        bool plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE;
        std::string tag = tag_of(s.tag);
        if (tag.empty() && plain && is_null_word(value)) {
          handler_->OnNull(at, id);
        } else {
          handler_->OnScalar(at, tag.empty() ? (plain ? "?" : "!") : tag, id, value);
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT: {
        const auto& s = e.data.sequence_start;
        YAML::anchor_t id = anchor(s.anchor);
        std::string tag = tag_of(s.tag);
        handler_->OnSequenceStart(at, tag.empty() ? "?" : tag, id,
                                  s.style == YAML_FLOW_SEQUENCE_STYLE ? YAML::EmitterStyle::Flow
                                                                      : YAML::EmitterStyle::Block);
        break;
      }
      case YAML_SEQUENCE_END_EVENT: handler_->OnSequenceEnd(); break;
      case YAML_MAPPING_START_EVENT: {
        const auto& m = e.data.mapping_start;
        YAML::anchor_t id = anchor(m.anchor);
        std::string tag = tag_of(m.tag);
        handler_->OnMapStart(at, tag.empty() ? "?" : tag, id,
                             m.style == YAML_FLOW_MAPPING_STYLE ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        break;
      }
      case YAML_MAPPING_END_EVENT: handler_->OnMapEnd(); break;
      default: break;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<LibyamlError> replay_first_document(std::string_view text, YAML::EventHandler* handler) {
  return Replay(text, handler).run();
}

}  // namespace eph::yaml
