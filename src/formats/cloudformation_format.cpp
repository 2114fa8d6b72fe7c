#include "formats/cloudformation_format.h"

#include "cloudformation/template_frontend.h"
#include "model/endpoint_fix.h"

namespace eph {
namespace {

class CloudFormationFormat final : public SourceFormat {
 public:
  std::string_view name() const override { return "cloudformation"; }
  bool candidate_name(std::string_view path) const override {
    return path_ends_with(path, ".yaml") || path_ends_with(path, ".yml") || path_ends_with(path, ".json") ||
           path_ends_with(path, ".template");
  }
  bool recognises(std::string_view, const std::string& text) const override {
    return cloudformation::looks_like_template(text);
  }

  void group(const std::vector<RecognisedFile>& found, const std::set<std::string>&,
             std::vector<UnitPlan>& units) const override {
    one_unit_per_file(*this, found, units);
  }

  LoadedUnit load(const UnitPlan& plan, const FileProvider& fs, const SourceInputs&) const override {
    return cloudformation::load_template(plan.root, fs);
  }

  // A template is JSON when its text opens with `{` (a `.template` may be either), else YAML.
  ResourceBlock declared_resource_at(const SourceFile& file, uint32_t offset) const override {
    const std::string& text = file.text();
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') return json_template_resource_at(file, offset);
    return yaml_template_resource_at(file, file.position(offset).line);
  }
  const EndpointFixWriter* endpoint_fix_writer() const override { return &cloudformation_endpoint_writer(); }

  std::vector<std::string> watched_globs() const override { return {"**/*.{yaml,yml,json,template}"}; }
};

}  // namespace

const SourceFormat& cloudformation_format() {
  static const CloudFormationFormat format;
  return format;
}

}  // namespace eph
