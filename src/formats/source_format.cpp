#include "formats/source_format.h"

namespace eph {

bool path_ends_with(std::string_view path, std::string_view suffix) {
  return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void one_unit_per_file(const SourceFormat& format, const std::vector<RecognisedFile>& files,
                       std::vector<UnitPlan>& out, bool companion_of_directory) {
  for (const auto& file : files) {
    UnitPlan unit;
    unit.format = &format;
    unit.root = file.path;
    unit.files = {file.path};
    unit.companion_of_directory = companion_of_directory;
    out.push_back(std::move(unit));
  }
}

std::string SourceFormat::suppression_comment(std::string_view path, std::string_view rule_id,
                                              std::string_view reason) const {
  if (path_ends_with(path, ".json")) return {};  // JSON has no comments: suppress in Metadata or config
  return "# ephemera:ignore " + std::string(rule_id) + " reason=\"" + std::string(reason) + "\"";
}

}  // namespace eph
