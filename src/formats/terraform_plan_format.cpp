#include "formats/terraform_plan_format.h"

#include "terraform/terraform_frontend.h"

namespace eph {
namespace {

class TerraformPlanFormat final : public SourceFormat {
 public:
  std::string_view name() const override { return "terraform-plan"; }
  bool candidate_name(std::string_view path) const override { return path_ends_with(path, ".json"); }
  bool recognises(std::string_view, const std::string& text) const override {
    return text.find("\"format_version\"") != std::string::npos &&
           (text.find("\"planned_values\"") != std::string::npos ||
            text.find("\"resource_changes\"") != std::string::npos);
  }

  // Each plan is a unit; its findings repeat the configuration's beside it.
  void group(const std::vector<RecognisedFile>& found, const std::set<std::string>&,
             std::vector<UnitPlan>& units) const override {
    one_unit_per_file(*this, found, units, /*companion_of_directory=*/true);
  }

  LoadedUnit load(const UnitPlan& plan, const FileProvider& fs, const SourceInputs&) const override {
    return terraform::load_plan(plan.root, fs);
  }

  std::vector<std::string> watched_globs() const override { return {"**/*.json"}; }
};

}  // namespace

const SourceFormat& terraform_plan_format() {
  static const TerraformPlanFormat format;
  return format;
}

}  // namespace eph
