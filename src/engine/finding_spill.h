#pragma once
// Findings kept out of memory until the report: a scan writes each unit's findings, as the
// unit finishes, to an anonymous temporary file ($TMPDIR, else /tmp; mode 0600, removed at
// once, gone with the process) with the excerpts of the files they point into, and keeps a
// small index entry per finding (its place and where its record is) and the paths findings
// are at. The report reads them back in the scan's order, a place at a time, each unit's
// excerpts with its findings, so a large tree's findings and excerpts are never all in memory
// at once. Ranges into files not written with them are stored as they are (pointers, in this
// same process): those files must outlive the spill.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "engine/shown_names.h"

namespace eph {

class FindingSpill {
 public:
  FindingSpill();
  ~FindingSpill();
  FindingSpill(const FindingSpill&) = delete;
  FindingSpill& operator=(const FindingSpill&) = delete;

  // The names a unit's findings are shown by (engine/shown_names.h), written beside them: a
  // large tree's generated names would otherwise stay in memory to the end. Safe from several
  // threads at once, before seal().
  struct NamesRecord {
    uint64_t offset = 0;
    uint64_t size = 0;
  };
  NamesRecord add_names(const std::vector<ShownName>& names);
  std::vector<ShownName> names_at(NamesRecord record) const;

  // Writes the findings of unit `unit` (safe from several threads at once), with `files`, the
  // excerpts they point into (engine/unit_excerpts.h), and where the names of the unit were
  // written (`names`, for the findings in `files`). The caller may drop the excerpts then.
  void add(size_t unit, const std::vector<Finding>& findings, const std::vector<SourceFilePtr>& files = {},
           std::optional<NamesRecord> names = std::nullopt);
  // Puts the index in the scan's order: once every unit is added, before reading.
  void seal();

  // The names records of the files a place's findings were read back into.
  using PlaceNames = std::map<const SourceFile*, NamesRecord>;
  // Calls `group` with the findings of each place (file path, begin, end, rule) in order:
  // places by path, offsets and rule; one place's findings in the order the units and rules
  // reported them (the order a stable sort of all findings gives them). Stops when `group`
  // returns false. The excerpts the findings point into are read back with them and live for
  // the call, or as long as `keep_alive`, which each is added to (then each is read once).
  void for_each_place(const std::function<bool(std::vector<Finding>&, const PlaceNames&)>& group,
                      std::vector<SourceFilePtr>* keep_alive = nullptr) const;

  size_t size() const { return index_.size(); }
  // Bytes held in memory for the findings (the index and the paths findings are at; records
  // too when no file could be made).
  size_t memory_bytes() const;
  // Bytes of the findings' records and excerpts (on disk when the temporary file could be made).
  uint64_t record_bytes() const { return end_; }

 private:
  static constexpr uint32_t kNoPath = UINT32_MAX;
  struct Entry {
    uint32_t path;     // in paths_, kNoPath: the finding is at no file
    uint32_t begin, end;
    uint32_t rule;     // index in rules_
    uint32_t unit, seq;
    uint32_t size;     // of the record
    uint64_t offset;
  };
  // A path in path_chunks_: a large tree has tens of thousands of files with findings.
  struct PathRef {
    uint32_t chunk, at, size;
  };
  void write(const std::string& bytes, uint64_t at);
  std::string read(uint64_t at, uint64_t size) const;
  uint32_t rule_number(const std::string& id);          // under mutex_
  uint32_t path_number(std::string_view path);          // under mutex_
  std::string_view path(uint32_t number) const;

  mutable std::mutex mutex_;
  int fd_ = -1;
  uint64_t end_ = 0;
  uint64_t file_end_ = 0;          // records past this are in memory_ (no file, or it failed)
  std::string memory_;
  std::vector<std::string> rules_;
  std::map<std::string, uint32_t, std::less<>> rule_numbers_;
  std::vector<Entry> index_;
  std::vector<std::string> path_chunks_;
  std::vector<PathRef> paths_;
  bool sealed_ = false;
};

// A scan's findings out of memory (AnalysisResult::spilled).
struct SpilledFindings {
  FindingSpill spill;
};

}  // namespace eph
