#pragma once
// One unit of analysis as discovery plans it: which source format loads which files.
#include <string>
#include <vector>

#include "core/resource.h"

namespace eph {

class SourceFormat;

struct UnitPlan {
  const SourceFormat* format = nullptr;  // the format that loads it; null: a file refused before loading
  std::string root;                      // module directory, or the file
  std::vector<std::string> files;        // every file the unit reads as its own
  Diagnostic::Kind reject_kind = Diagnostic::Kind::ParseError;
  std::string reject_reason;             // refused: why (too large, binary, unreadable)
  // Directory units (Terraform): the directories (normalised) of the unit and of every local
  // module it calls, directly or not: a change in any of them can change this unit's findings.
  std::vector<std::string> module_dirs;
  // Files the unit reads besides its own, named in its text (serverless.yml's ${file(...)}),
  // normalised: findings can point into them, so units reading one file shard together.
  std::vector<std::string> included_files;
  // A unit that repeats what the directory unit beside it reports (a plan next to its
  // configuration): selected with it, and its findings that the directory unit also has dropped.
  bool companion_of_directory = false;

  bool rejected() const { return format == nullptr; }
};

}  // namespace eph
