#include "engine/finding_spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>

namespace eph {
namespace {

// A record is the finding's fields one after the other: integers in native byte order,
// strings and lists after their length. It is read back by the process that wrote it. A
// range names its file by its place among the unit's excerpts written with the record.
constexpr uint32_t kNoFile = UINT32_MAX;
constexpr uint32_t kFileAsPointer = UINT32_MAX - 1;  // a file not written with the record

using FileNumbers = std::map<const SourceFile*, uint32_t>;

class Writer {
 public:
  explicit Writer(std::string& out, const FileNumbers* files = nullptr) : out_(out), files_(files) {}
  template <typename T>
  void raw(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void text(const std::string& s) {
    raw(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void range(const Range& r) {
    if (!r.file) {
      raw(kNoFile);
    } else if (auto it = files_ ? files_->find(r.file) : FileNumbers::const_iterator(); files_ && it != files_->end()) {
      raw(it->second);
    } else {
      raw(kFileAsPointer);
      raw(r.file);
    }
    raw(r.begin);
    raw(r.end);
  }

 private:
  std::string& out_;
  const FileNumbers* files_;
};

class Reader {
 public:
  explicit Reader(std::string_view in, const std::vector<SourceFilePtr>* files = nullptr) : in_(in), files_(files) {}
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
    auto file = raw<uint32_t>();
    if (file == kFileAsPointer) {
      r.file = raw<const SourceFile*>();
    } else if (file != kNoFile) {
      if (!files_ || file >= files_->size()) throw std::runtime_error("the findings' temporary file names no such excerpt");
      r.file = (*files_)[file].get();
    }
    r.begin = raw<uint32_t>();
    r.end = raw<uint32_t>();
    return r;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
  const std::vector<SourceFilePtr>* files_;
};

// The excerpts of a unit, written once before its findings' records.
void write_excerpts(Writer& w, const std::vector<SourceFilePtr>& files, std::optional<FindingSpill::NamesRecord> names) {
  w.raw(static_cast<uint8_t>(names.has_value()));
  if (names) {
    w.raw(names->offset);
    w.raw(names->size);
  }
  w.raw(static_cast<uint32_t>(files.size()));
  for (const auto& file : files) {
    SourceFile::ExcerptParts parts = file->excerpt_parts();
    w.text(parts.path);
    w.text(parts.text);
    w.raw(static_cast<uint32_t>(parts.starts.size()));
    for (size_t k = 0; k < parts.starts.size(); ++k) {
      w.raw(parts.starts[k]);
      w.raw(parts.numbers[k]);
    }
    w.raw(parts.original_size);
    w.raw(parts.original_lines);
    w.raw(static_cast<uint32_t>(parts.blocks.size()));
    for (const auto& [offset, block] : parts.blocks) {
      w.raw(offset);
      w.text(block.kind);
      w.raw(block.line);
    }
  }
}

struct Excerpts {
  std::vector<SourceFilePtr> files;
  std::optional<FindingSpill::NamesRecord> names;
};

Excerpts read_excerpts(Reader& r) {
  Excerpts out;
  if (r.raw<uint8_t>()) {
    FindingSpill::NamesRecord names;
    names.offset = r.raw<uint64_t>();
    names.size = r.raw<uint64_t>();
    out.names = names;
  }
  out.files.resize(r.raw<uint32_t>());
  for (auto& file : out.files) {
    SourceFile::ExcerptParts parts;
    parts.path = r.text();
    parts.text = r.text();
    auto lines = r.raw<uint32_t>();
    parts.starts.reserve(lines);
    parts.numbers.reserve(lines);
    for (uint32_t k = 0; k < lines; ++k) {
      parts.starts.push_back(r.raw<uint32_t>());
      parts.numbers.push_back(r.raw<uint32_t>());
    }
    parts.original_size = r.raw<uint32_t>();
    parts.original_lines = r.raw<uint32_t>();
    parts.blocks.resize(r.raw<uint32_t>());
    for (auto& [offset, block] : parts.blocks) {
      offset = r.raw<uint32_t>();
      block.kind = r.text();
      block.line = r.raw<uint32_t>();
    }
    file = SourceFile::from_excerpt_parts(std::move(parts));
  }
  return out;
}

// Before each finding's record: how far back its unit's excerpts start, and their size
// (0: none written).
struct RecordHead {
  uint32_t back = 0, excerpts_size = 0;
};
constexpr size_t kRecordHeadBytes = 2 * sizeof(uint32_t);

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

void FindingSpill::add(size_t unit, const std::vector<Finding>& findings, const std::vector<SourceFilePtr>& files,
                       std::optional<NamesRecord> names) {
  if (findings.empty()) return;
  std::string bytes;
  FileNumbers numbers;
  for (const auto& file : files) numbers.emplace(file.get(), static_cast<uint32_t>(numbers.size()));
  Writer w(bytes, &numbers);
  if (!files.empty()) write_excerpts(w, files, names);
  auto excerpts_size = static_cast<uint32_t>(bytes.size());
  std::vector<uint32_t> sizes;
  sizes.reserve(findings.size());
  for (const auto& f : findings) {
    size_t before = bytes.size();
    w.raw(static_cast<uint32_t>(before));  // RecordHead: the excerpts start at the unit's first byte
    w.raw(excerpts_size);
    write_finding(w, f);
    sizes.push_back(static_cast<uint32_t>(bytes.size() - before));
  }
  std::lock_guard lock(mutex_);
  if (sealed_) throw std::logic_error("findings added after the spill was sealed");
  uint64_t at = end_;
  write(bytes, at);
  end_ += bytes.size();
  at += excerpts_size;
  // The path of each file findings are at, once for the unit.
  std::map<const SourceFile*, uint32_t> path_of;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    uint32_t path = kNoPath;
    if (f.range.file) {
      auto [it, added] = path_of.emplace(f.range.file, 0);
      if (added) it->second = path_number(f.range.file->path());
      path = it->second;
    }
    index_.push_back(Entry{path, f.range.begin, f.range.end, rule_number(f.rule_id), static_cast<uint32_t>(unit),
                           static_cast<uint32_t>(i), sizes[i], at});
    at += sizes[i];
  }
}

uint32_t FindingSpill::path_number(std::string_view path) {
  // Chunks grow from 256 bytes to 64 KiB: a small scan holds little, a large one never
  // copies what it holds (a growing single buffer would double it).
  constexpr size_t kLargestChunk = 64 * 1024;
  if (path_chunks_.empty() || path_chunks_.back().capacity() - path_chunks_.back().size() < path.size()) {
    size_t capacity = path_chunks_.empty() ? 256 : std::min(kLargestChunk, path_chunks_.back().capacity() * 2);
    path_chunks_.emplace_back();
    path_chunks_.back().reserve(std::max(capacity, path.size()));
  }
  std::string& chunk = path_chunks_.back();
  paths_.push_back(PathRef{static_cast<uint32_t>(path_chunks_.size() - 1), static_cast<uint32_t>(chunk.size()),
                           static_cast<uint32_t>(path.size())});
  chunk.append(path);
  return static_cast<uint32_t>(paths_.size() - 1);
}

std::string_view FindingSpill::path(uint32_t number) const {
  if (number == kNoPath) return {};
  const PathRef& ref = paths_[number];
  return std::string_view(path_chunks_[ref.chunk]).substr(ref.at, ref.size);
}

void FindingSpill::seal() {
  std::lock_guard lock(mutex_);
  sealed_ = true;
  index_.shrink_to_fit();
  paths_.shrink_to_fit();
  // order_findings' order up to the message; equal places keep the units' order.
  std::sort(index_.begin(), index_.end(), [&](const Entry& a, const Entry& b) {
    if (a.path != b.path) {
      int c = path(a.path).compare(path(b.path));
      if (c != 0) return c < 0;
    }
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (a.rule != b.rule) return rules_[a.rule] < rules_[b.rule];
    if (a.unit != b.unit) return a.unit < b.unit;
    return a.seq < b.seq;
  });
}

void FindingSpill::for_each_place(const std::function<bool(std::vector<Finding>&, const PlaceNames&)>& group,
                                  std::vector<SourceFilePtr>* keep_alive) const {
  if (!sealed_) throw std::logic_error("findings read before the spill was sealed");
  auto same_place = [&](const Entry& a, const Entry& b) {
    if (a.begin != b.begin || a.end != b.end || a.rule != b.rule) return false;
    return a.path == b.path || path(a.path) == path(b.path);
  };
  // The units' excerpts read last, by where they were written: places come in path order, a
  // unit's files mostly together. Those of the place being read are held by `in_use` too.
  constexpr size_t kUnitsKept = 64;
  std::map<uint64_t, std::shared_ptr<const Excerpts>> cache;
  std::vector<uint64_t> cached_order;  // oldest first
  auto excerpts_at = [&](uint64_t at, uint32_t size) {
    if (auto it = cache.find(at); it != cache.end()) return it->second;
    std::string bytes = read(at, size);
    Reader r(bytes);
    auto read_back = std::make_shared<const Excerpts>(read_excerpts(r));
    if (keep_alive) {
      keep_alive->insert(keep_alive->end(), read_back->files.begin(), read_back->files.end());
    } else if (cached_order.size() >= kUnitsKept) {
      cache.erase(cached_order.front());
      cached_order.erase(cached_order.begin());
    }
    cache.emplace(at, read_back);
    if (!keep_alive) cached_order.push_back(at);
    return read_back;
  };
  std::vector<Finding> findings;
  std::vector<std::shared_ptr<const Excerpts>> in_use;
  PlaceNames names;
  for (size_t i = 0; i < index_.size();) {
    size_t j = i + 1;
    while (j < index_.size() && same_place(index_[i], index_[j])) ++j;
    findings.clear();
    in_use.clear();
    names.clear();
    for (size_t k = i; k < j; ++k) {
      std::string bytes = read(index_[k].offset, index_[k].size);
      Reader head(bytes);
      RecordHead h{head.raw<uint32_t>(), head.raw<uint32_t>()};
      const std::vector<SourceFilePtr>* files = nullptr;
      if (h.excerpts_size) {
        if (h.back > index_[k].offset) throw std::runtime_error("the findings' temporary file names no such excerpts");
        in_use.push_back(excerpts_at(index_[k].offset - h.back, h.excerpts_size));
        files = &in_use.back()->files;
        if (in_use.back()->names)
          for (const auto& file : *files) names.emplace(file.get(), *in_use.back()->names);
      }
      Reader r(std::string_view(bytes).substr(kRecordHeadBytes), files);
      findings.push_back(read_finding(r));
    }
    if (!group(findings, names)) return;
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
  size_t paths = paths_.capacity() * sizeof(PathRef) + path_chunks_.capacity() * sizeof(std::string);
  for (const auto& chunk : path_chunks_) paths += chunk.capacity();
  return index_.capacity() * sizeof(Entry) + memory_.capacity() + paths;
}

}  // namespace eph
