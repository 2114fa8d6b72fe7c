#include "formats/serverless_format.h"

#include "core/path_confinement.h"
#include "model/endpoint_fix.h"
#include "serverless/serverless_frontend.h"
#include "serverless/variables.h"

namespace eph {
namespace {

class ServerlessFormat final : public SourceFormat {
 public:
  std::string_view name() const override { return "serverless"; }
  bool candidate_name(std::string_view path) const override { return serverless::service_file_name(path); }
  bool recognises(std::string_view, const std::string& text) const override {
    return serverless::looks_like_service(text);
  }

  std::vector<std::string> references(std::string_view path, const std::string& text) const override {
    std::vector<std::string> out;
    for (const auto& included : serverless::literal_file_references(std::string(path), text))
      out.push_back(normalize_path(included));
    return out;
  }
  // What `${file(...)}` reads is part of the service, never a template of its own.
  std::vector<std::string> includes(std::string_view path, const std::string& text) const override {
    return references(path, text);
  }

  void group(const std::vector<RecognisedFile>& found, const std::set<std::string>&,
             std::vector<UnitPlan>& units) const override {
    size_t first = units.size();
    one_unit_per_file(*this, found, units);
    for (size_t i = 0; i < found.size(); ++i) units[first + i].included_files = found[i].references;
  }

  LoadedUnit load(const UnitPlan& plan, const FileProvider& fs, const SourceInputs& inputs) const override {
    return serverless::load_service(plan.root, fs, inputs.serverless);
  }

  // The endpoint fix is a CloudFormation resource under `resources:` (or in the file that declares the VPC).
  const EndpointFixWriter* endpoint_fix_writer() const override { return &cloudformation_endpoint_writer(); }
  std::vector<std::string> watched_globs() const override { return {"**/serverless.{yml,yaml,json}"}; }
};

}  // namespace

const SourceFormat& serverless_format() {
  static const ServerlessFormat format;
  return format;
}

}  // namespace eph
