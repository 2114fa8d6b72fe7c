#pragma once
// A digest of a YAML event stream (structure and scalar values), passing each event on to
// another handler. yaml-cpp and libyaml read the same text; when both accept it but their
// digests differ, yaml-cpp has misread a value (yaml-cpp 0.7 drops the line break that an
// empty line inside a multi-line quoted scalar stands for) and the loader builds from
// libyaml's events instead.
#include <yaml-cpp/eventhandler.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace eph::yaml {

class EventDigest : public YAML::EventHandler {
 public:
  explicit EventDigest(YAML::EventHandler* next = nullptr) : next_(next) {}
  uint64_t value() const { return hash_; }

  void OnDocumentStart(const YAML::Mark& m) override {
    if (next_) next_->OnDocumentStart(m);
  }
  void OnDocumentEnd() override {
    if (next_) next_->OnDocumentEnd();
  }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    mix("n");
    if (next_) next_->OnNull(m, a);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    mix("a");
    if (next_) next_->OnAlias(m, a);
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& v) override {
    mix("s");
    mix(v);
    if (next_) next_->OnScalar(m, tag, a, v);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value s) override {
    mix("[");
    if (next_) next_->OnSequenceStart(m, tag, a, s);
  }
  void OnSequenceEnd() override {
    mix("]");
    if (next_) next_->OnSequenceEnd();
  }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, YAML::EmitterStyle::value s) override {
    mix("{");
    if (next_) next_->OnMapStart(m, tag, a, s);
  }
  void OnMapEnd() override {
    mix("}");
    if (next_) next_->OnMapEnd();
  }

 private:
  YAML::EventHandler* next_;
  uint64_t hash_ = 14695981039346656037ull;  // FNV-1a

  void mix(std::string_view bytes) {
    for (unsigned char c : bytes) hash_ = (hash_ ^ c) * 1099511628211ull;
    hash_ = (hash_ ^ 0xFF) * 1099511628211ull;  // a separator no UTF-8 text holds
  }
};

}  // namespace eph::yaml
