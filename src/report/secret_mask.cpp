#include "report/secret_mask.h"

#include <algorithm>

#include "engine/analyzer.h"

namespace eph {
namespace {

constexpr size_t kPrefixChars = 4;
constexpr size_t kMinCharsForPrefix = 16;  // the prefix is at most a quarter of the value
// Shorter values are masked only where they are written: replacing every "pw1" in a
// message would garble it and tell where the secret is anyway.
constexpr size_t kMinBytesMaskedByValue = 6;

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `n` code points, or nothing when one of them is blank or a control character.
std::string prefix_of(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t seen = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && seen++ == n) break;
    if (c <= ' ' || c == 0x7F) return {};
  }
  return std::string(s.substr(0, i));
}

// Sorts cuts and folds overlapping ones into the first.
void normalise(std::vector<SecretMask::Cut>& cuts) {
  std::sort(cuts.begin(), cuts.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::vector<SecretMask::Cut> out;
  for (auto& c : cuts) {
    if (!out.empty() && c.begin < out.back().end) {
      out.back().end = std::max(out.back().end, c.end);
      continue;
    }
    out.push_back(std::move(c));
  }
  cuts = std::move(out);
}

}  // namespace

std::string SecretMask::label(std::string_view secret) {
  size_t n = code_points(secret);
  std::string prefix = n >= kMinCharsForPrefix ? prefix_of(secret, kPrefixChars) : std::string();
  return prefix + "\u2026(" + std::to_string(n) + (n == 1 ? " char)" : " chars)");
}

SecretMask::SecretMask(const AnalysisResult& result, bool reveal) : SecretMask(result.secrets, reveal) {}

SecretMask::SecretMask(const std::vector<SecretValue>& secrets, bool reveal) : reveal_(reveal) {
  if (reveal_) return;
  for (const auto& s : secrets) add(s);
  for (auto& [path, spans] : spans_)
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::sort(values_.begin(), values_.end());
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
  std::stable_sort(values_.begin(), values_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

void SecretMask::add(const SecretValue& secret) {
  std::string shown = label(secret.value);
  if (secret.where.valid() && secret.where.end > secret.where.begin)
    spans_[secret.where.file->path()].push_back(Span{secret.where.begin, secret.where.end, shown});
  // Without its final line break, which belongs to the heredoc rather than to the secret.
  std::string_view value = secret.value;
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.remove_suffix(1);
  if (value.size() >= kMinBytesMaskedByValue) values_.emplace_back(std::string(value), shown);
  // The value as written, when escapes make it differ from the value (`"a\"b"`).
  if (secret.where.valid() && secret.where.text() != secret.value && secret.where.text().size() >= kMinBytesMaskedByValue &&
      secret.where.text().find('\n') == std::string_view::npos)
    values_.emplace_back(std::string(secret.where.text()), shown);
}

std::vector<SecretMask::Cut> SecretMask::cuts(const SourceFile& file, uint32_t begin, uint32_t end) const {
  std::vector<Cut> out;
  if (reveal_ || end <= begin) return out;
  if (auto it = spans_.find(file.path()); it != spans_.end()) {
    for (const Span& s : it->second) {
      if (s.begin >= end) break;
      if (s.end <= begin) continue;
      out.push_back(Cut{std::max(s.begin, begin), std::min(s.end, end), s.begin >= begin ? s.label : "\u2026"});
    }
  }
  // The same value written where no finding pointed (a copy in another file, a plan).
  std::string_view source = file.slice(begin, end);
  for (const auto& [value, shown] : values_) {
    for (size_t at = source.find(value); at != std::string_view::npos; at = source.find(value, at + value.size())) {
      auto b = static_cast<uint32_t>(begin + at);
      out.push_back(Cut{b, b + static_cast<uint32_t>(value.size()), shown});
    }
  }
  normalise(out);
  return out;
}

std::string SecretMask::source(const Range& range) const {
  if (!range.valid()) return {};
  std::string_view text = range.text();
  std::string out;
  uint32_t at = range.begin;
  for (const Cut& c : cuts(*range.file, range.begin, range.end)) {
    out += text.substr(at - range.begin, c.begin - at);
    out += c.text;
    at = c.end;
  }
  out += text.substr(at - range.begin);
  return out;
}

std::string SecretMask::text(std::string_view s) const {
  std::string out(s);
  if (reveal_) return out;
  for (const auto& [value, shown] : values_) {
    for (size_t at = out.find(value); at != std::string::npos; at = out.find(value, at + shown.size()))
      out.replace(at, value.size(), shown);
  }
  return out;
}

}  // namespace eph
