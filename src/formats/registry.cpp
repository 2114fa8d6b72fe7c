#include "formats/registry.h"

#include <algorithm>

#include "formats/cloudformation_format.h"
#include "formats/serverless_format.h"
#include "formats/terraform_format.h"
#include "formats/terraform_plan_format.h"

namespace eph {

const std::vector<const SourceFormat*>& source_formats() {
  // A plan before templates (both JSON); the Serverless Framework before CloudFormation
  // (a serverless.yml with a `resources:` section is never a template).
  static const std::vector<const SourceFormat*> formats = {
      &terraform_format(),
      &terraform_plan_format(),
      &serverless_format(),
      &cloudformation_format(),
  };
  return formats;
}

const SourceFormat* format_named(std::string_view name) {
  for (const auto* f : source_formats())
    if (f->name() == name) return f;
  return nullptr;
}

bool candidate_source_name(std::string_view path) {
  return std::any_of(source_formats().begin(), source_formats().end(),
                     [&](const SourceFormat* f) { return f->candidate_name(path); });
}

const SourceFormat* format_certain_by_name(std::string_view path) {
  for (const auto* f : source_formats())
    if (f->certain_by_name(path)) return f;
  return nullptr;
}

const SourceFormat* format_recognising(std::string_view path, const std::string& text) {
  for (const auto* f : source_formats())
    if (f->candidate_name(path) && f->recognises(path, text)) return f;
  return nullptr;
}

const SourceFormat* format_for_name(std::string_view path) {
  for (const auto* f : source_formats())
    if (f->candidate_name(path)) return f;
  return nullptr;
}

bool in_directory_unit(std::string_view path) {
  return std::any_of(source_formats().begin(), source_formats().end(),
                     [&](const SourceFormat* f) { return f->directory_units() && f->candidate_name(path); });
}

bool hcl_syntax_file(std::string_view path) {
  return std::any_of(source_formats().begin(), source_formats().end(),
                     [&](const SourceFormat* f) { return f->hcl_syntax(path); });
}

std::vector<std::string> watched_source_globs() {
  std::vector<std::string> out;
  for (const auto* f : source_formats())
    for (auto& g : f->watched_globs())
      if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(std::move(g));
  return out;
}

}  // namespace eph
