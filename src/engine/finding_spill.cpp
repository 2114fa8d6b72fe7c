#include "engine/finding_spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace eph {
namespace {

// A record is the finding's fields one after the other: integers in native byte order,
// strings and lists after their length. It is read back by the process that wrote it.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <typename T>
  void raw(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void text(const std::string& s) {
    raw(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void range(const Range& r) {
    raw(r.file);
    raw(r.begin);
    raw(r.end);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  T raw() {
    T value;
    if (in_.size() < sizeof value) throw std::runtime_error("the findings' temporary file was cut short");
    std::memcpy(&value, in_.data(), sizeof value);
    in_.remove_prefix(sizeof value);
    return value;
  }
  std::string text() {
    auto n = raw<uint32_t>();
    if (in_.size() < n) throw std::runtime_error("the findings' temporary file was cut short");
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  Range range() {
    Range r;
    r.file = raw<const SourceFile*>();
    r.begin = raw<uint32_t>();
    r.end = raw<uint32_t>();
    return r;
  }

 private:
  std::string_view in_;
};

void write_finding(Writer& w, const Finding& f) {
  w.text(f.rule_id);
  w.raw(static_cast<uint8_t>(f.severity));
  w.range(f.range);
  w.text(f.message);
  w.text(f.resource);
  w.raw(static_cast<uint32_t>(f.related.size()));
  for (const auto& r : f.related) {
    w.range(r.range);
    w.text(r.message);
  }
  w.raw(static_cast<uint8_t>(f.fix.has_value()));
  if (f.fix) {
    w.text(f.fix->description);
    w.raw(static_cast<uint32_t>(f.fix->edits.size()));
    for (const auto& e : f.fix->edits) {
      w.range(e.range);
      w.text(e.new_text);
    }
  }
  w.raw(static_cast<uint32_t>(f.secrets.size()));
  for (const auto& s : f.secrets) {
    w.range(s.where);
    w.text(s.value);
  }
  w.text(f.fingerprint);
  w.raw(static_cast<uint8_t>(f.suppressed));
  w.text(f.suppression);
  w.text(f.justification);
  w.raw(static_cast<uint8_t>(f.suppressed_in_source));
}

Finding read_finding(Reader& r) {
  Finding f;
  f.rule_id = r.text();
  f.severity = static_cast<Severity>(r.raw<uint8_t>());
  f.range = r.range();
  f.message = r.text();
  f.resource = r.text();
  f.related.resize(r.raw<uint32_t>());
  for (auto& rel : f.related) {
    rel.range = r.range();
    rel.message = r.text();
  }
  if (r.raw<uint8_t>()) {
    Fix fix;
    fix.description = r.text();
    fix.edits.resize(r.raw<uint32_t>());
    for (auto& e : fix.edits) {
      e.range = r.range();
      e.new_text = r.text();
    }
    f.fix = std::move(fix);
  }
  f.secrets.resize(r.raw<uint32_t>());
  for (auto& s : f.secrets) {
    s.where = r.range();
    s.value = r.text();
  }
  f.fingerprint = r.text();
  f.suppressed = r.raw<uint8_t>() != 0;
  f.suppression = r.text();
  f.justification = r.text();
  f.suppressed_in_source = r.raw<uint8_t>() != 0;
  return f;
}

// An unnamed file in $TMPDIR (else /tmp), or a named one removed at once; -1 when neither.
int anonymous_file() {
  const char* env = std::getenv("TMPDIR");
  std::string dir = env && *env ? env : "/tmp";
#ifdef O_TMPFILE
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  std::string name = dir + "/ephemera-findings-XXXXXX";
  int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) ::unlink(name.c_str());
  return named;
}

}  // namespace

FindingSpill::FindingSpill() : fd_(anonymous_file()) {}

FindingSpill::~FindingSpill() {
  if (fd_ >= 0) ::close(fd_);
}

uint32_t FindingSpill::rule_number(const std::string& id) {
  auto it = rule_numbers_.find(id);
  if (it != rule_numbers_.end()) return it->second;
  rules_.push_back(id);
  return rule_numbers_[id] = static_cast<uint32_t>(rules_.size() - 1);
}

void FindingSpill::write(const std::string& bytes, uint64_t at) {
  // The file while it takes the records (a full disk: the rest stays in memory).
  if (fd_ >= 0 && at == file_end_) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    if (done == bytes.size()) {
      file_end_ += done;
      return;
    }
  }
  memory_ += bytes;
}

std::string FindingSpill::read(uint64_t at, uint64_t size) const {
  if (at >= file_end_) return memory_.substr(at - file_end_, size);
  std::string bytes(size, '\0');
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd_, bytes.data() + done, size - done, static_cast<off_t>(at + done));
    if (n <= 0) throw std::runtime_error("cannot read back the findings' temporary file");
    done += static_cast<size_t>(n);
  }
  return bytes;
}

void FindingSpill::add(size_t unit, const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  std::string bytes;
  std::vector<uint32_t> sizes;
  sizes.reserve(findings.size());
  Writer w(bytes);
  for (const auto& f : findings) {
    size_t before = bytes.size();
    write_finding(w, f);
    sizes.push_back(static_cast<uint32_t>(bytes.size() - before));
  }
  std::lock_guard lock(mutex_);
  if (sealed_) throw std::logic_error("findings added after the spill was sealed");
  uint64_t at = end_;
  write(bytes, at);
  end_ += bytes.size();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    index_.push_back(Entry{f.range.file, f.range.begin, f.range.end, rule_number(f.rule_id),
                           static_cast<uint32_t>(unit), static_cast<uint32_t>(i), sizes[i], at});
    at += sizes[i];
  }
}

void FindingSpill::seal() {
  std::lock_guard lock(mutex_);
  sealed_ = true;
  index_.shrink_to_fit();
  static const std::string empty;
  auto path = [](const Entry& e) -> const std::string& { return e.file ? e.file->path() : empty; };
  // order_findings' order up to the message; equal places keep the units' order.
  std::sort(index_.begin(), index_.end(), [&](const Entry& a, const Entry& b) {
    if (a.file != b.file) {
      int c = path(a).compare(path(b));
      if (c != 0) return c < 0;
    }
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (a.rule != b.rule) return rules_[a.rule] < rules_[b.rule];
    if (a.unit != b.unit) return a.unit < b.unit;
    return a.seq < b.seq;
  });
}

void FindingSpill::for_each_place(const std::function<bool(std::vector<Finding>&)>& group) const {
  if (!sealed_) throw std::logic_error("findings read before the spill was sealed");
  static const std::string empty;
  auto same_place = [&](const Entry& a, const Entry& b) {
    if (a.begin != b.begin || a.end != b.end || a.rule != b.rule) return false;
    if (a.file == b.file) return true;
    return (a.file ? a.file->path() : empty) == (b.file ? b.file->path() : empty);
  };
  std::vector<Finding> findings;
  for (size_t i = 0; i < index_.size();) {
    size_t j = i + 1;
    while (j < index_.size() && same_place(index_[i], index_[j])) ++j;
    findings.clear();
    for (size_t k = i; k < j; ++k) {
      std::string bytes = read(index_[k].offset, index_[k].size);
      Reader r(bytes);
      findings.push_back(read_finding(r));
    }
    if (!group(findings)) return;
    i = j;
  }
}

FindingSpill::NamesRecord FindingSpill::add_names(const std::vector<ShownName>& names) {
  std::string bytes;
  Writer w(bytes);
  w.raw(static_cast<uint32_t>(names.size()));
  for (const auto& n : names) {
    w.text(n.generated);
    w.text(n.written);
  }
  std::lock_guard lock(mutex_);
  if (sealed_) throw std::logic_error("names added after the spill was sealed");
  NamesRecord record{end_, bytes.size()};
  write(bytes, end_);
  end_ += bytes.size();
  return record;
}

std::vector<ShownName> FindingSpill::names_at(NamesRecord record) const {
  std::string bytes = read(record.offset, record.size);
  Reader r(bytes);
  std::vector<ShownName> names(r.raw<uint32_t>());
  for (auto& n : names) {
    n.generated = r.text();
    n.written = r.text();
  }
  return names;
}

size_t FindingSpill::memory_bytes() const {
  std::lock_guard lock(mutex_);
  return index_.capacity() * sizeof(Entry) + memory_.capacity();
}

}  // namespace eph
