#pragma once
// The source-format seam: everything that differs between Terraform, plan JSON,
// CloudFormation/SAM and the Serverless Framework sits behind this interface, and each
// format is one line of the registry (formats/registry.cpp). Discovery, the analyzer,
// `inspect`, the LSP and the fixture runner ask the registry; none switches on a format.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_provider.h"
#include "core/resource.h"
#include "core/source.h"
#include "formats/declared_resource.h"
#include "formats/source_inputs.h"
#include "formats/unit_plan.h"

namespace eph {

class EndpointFixWriter;

// A file that a format recognised, with what grouping needs from its text.
struct RecognisedFile {
  std::string path;
  std::vector<std::string> references;  // what references(path, text) found
};

class SourceFormat {
 public:
  virtual ~SourceFormat() = default;

  // Stable name: "terraform", "terraform-plan", "cloudformation", "serverless" (inspect's `format`).
  virtual std::string_view name() const = 0;

  // May a file of this name belong to the format? Discovery lists such files.
  virtual bool candidate_name(std::string_view path) const = 0;
  // The name alone says the file is of this format (no look at the content needed): an
  // oversize or unreadable such file is reported rather than skipped.
  virtual bool certain_by_name(std::string_view path) const { return false; }
  // Read by the units that own it, never a unit of its own (Terraform's .tfvars).
  virtual bool read_by_units_only(std::string_view path) const { return false; }
  // Is this file, with this text, one of the format's sources?
  virtual bool recognises(std::string_view path, const std::string& text) const = 0;

  // Directories or files this file draws into its unit, found in its text while discovery
  // holds it (Terraform: the local modules it calls, normalised).
  virtual std::vector<std::string> references(std::string_view path, const std::string& text) const { return {}; }
  // Files this file reads as parts of itself (the Serverless Framework's `${file(...)}`),
  // normalised like discovery's paths: they belong to its unit, never to a unit of their own.
  virtual std::vector<std::string> includes(std::string_view path, const std::string& text) const { return {}; }
  // Groups the recognised files into units, appended to `out`.
  virtual void group(const std::vector<RecognisedFile>& files, const std::set<std::string>& explicit_files,
                     std::vector<UnitPlan>& out) const = 0;
  // Loads one unit into native resources with positions.
  virtual LoadedUnit load(const UnitPlan& plan, const FileProvider& fs, const SourceInputs& inputs) const = 0;

  // The file is HCL native syntax, which the LSP keeps as incrementally re-parsed trees.
  virtual bool hcl_syntax(std::string_view path) const { return false; }
  // A unit is analysed with every file of its directory (an edit to any of them re-analyses it).
  virtual bool directory_units() const { return false; }
  // The comment that suppresses `rule_id` on the line before a finding, empty when the
  // file's syntax has no comments (JSON).
  virtual std::string suppression_comment(std::string_view path, std::string_view rule_id,
                                          std::string_view reason) const;
  // Writes the VPC endpoint fix in this format; null: no fix is offered.
  virtual const EndpointFixWriter* endpoint_fix_writer() const { return nullptr; }
  // The resource whose declaration in `file` (one of the format's) encloses `offset`, read
  // from the text as a reader sees it: reports name diagram nodes with it. None by default.
  virtual ResourceBlock declared_resource_at(const SourceFile& file, uint32_t offset) const { return {}; }
  // Glob patterns of the files the LSP client watches for this format.
  virtual std::vector<std::string> watched_globs() const = 0;
};

bool path_ends_with(std::string_view path, std::string_view suffix);

// Grouping for formats whose every file is a unit of its own.
void one_unit_per_file(const SourceFormat& format, const std::vector<RecognisedFile>& files,
                       std::vector<UnitPlan>& out, bool companion_of_directory = false);

}  // namespace eph
