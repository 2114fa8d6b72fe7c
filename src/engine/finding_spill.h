#pragma once
// Findings kept out of memory until the report: a scan writes each unit's findings, as the
// unit finishes, to an anonymous temporary file ($TMPDIR, else /tmp; removed at once, gone
// with the process) and keeps a small index entry per finding (its place and where its
// record is). The report reads them back in the scan's order, a place at a time, so a large
// tree's findings are never all in memory at once. Ranges are stored as they are: they point
// into the excerpts the result keeps alive, in this same process.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
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

  // Writes the findings of unit `unit` (safe from several threads at once).
  void add(size_t unit, const std::vector<Finding>& findings);
  // Puts the index in the scan's order: once every unit is added, before reading.
  void seal();

  // Calls `group` with the findings of each place (file path, begin, end, rule) in order:
  // places by path, offsets and rule; one place's findings in the order the units and rules
  // reported them (the order a stable sort of all findings gives them). Stops when `group`
  // returns false.
  void for_each_place(const std::function<bool(std::vector<Finding>&)>& group) const;

  // The names a unit's findings are shown by (engine/shown_names.h), written beside them: a
  // large tree's generated names would otherwise stay in memory to the end. Safe from several
  // threads at once, before seal().
  struct NamesRecord {
    uint64_t offset = 0;
    uint64_t size = 0;
  };
  NamesRecord add_names(const std::vector<ShownName>& names);
  std::vector<ShownName> names_at(NamesRecord record) const;

  size_t size() const { return index_.size(); }
  // Bytes held in memory for the findings (the index; records too when no file could be made).
  size_t memory_bytes() const;
  // Bytes of the findings' records (on disk when the temporary file could be made).
  uint64_t record_bytes() const { return end_; }

 private:
  struct Entry {
    const SourceFile* file;
    uint32_t begin, end;
    uint32_t rule;     // index in rules_
    uint32_t unit, seq;
    uint32_t size;     // of the record
    uint64_t offset;
  };
  void write(const std::string& bytes, uint64_t at);
  std::string read(uint64_t at, uint64_t size) const;
  uint32_t rule_number(const std::string& id);  // under mutex_

  mutable std::mutex mutex_;
  int fd_ = -1;
  uint64_t end_ = 0;
  uint64_t file_end_ = 0;          // records past this are in memory_ (no file, or it failed)
  std::string memory_;
  std::vector<std::string> rules_;
  std::map<std::string, uint32_t, std::less<>> rule_numbers_;
  std::vector<Entry> index_;
  bool sealed_ = false;
};

// A scan's findings out of memory (AnalysisResult::spilled), with where the names they are
// shown by were written, by the file (excerpt) they apply to.
struct SpilledFindings {
  FindingSpill spill;
  std::map<const SourceFile*, FindingSpill::NamesRecord> shown_names;
};

}  // namespace eph
