#pragma once
// The registry of source formats: the one place that lists them (registry.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "formats/source_format.h"

namespace eph {

// Every format, in the order they are asked to recognise a file: the first that does owns it.
const std::vector<const SourceFormat*>& source_formats();

const SourceFormat* format_named(std::string_view name);
// May a file of this name hold sources of some format?
bool candidate_source_name(std::string_view path);
// The format whose name alone claims the file (.tf), or null.
const SourceFormat* format_certain_by_name(std::string_view path);
// The format that recognises the file with its text, or null.
const SourceFormat* format_recognising(std::string_view path, const std::string& text);
// The first format whose files may have this name (for the comment syntax of a path), or null.
const SourceFormat* format_for_name(std::string_view path);
// Is the file part of a directory unit (.tf, .tfvars): an edit re-analyses its whole directory.
bool in_directory_unit(std::string_view path);
// Is the file HCL native syntax (.tf), kept by the LSP as incrementally re-parsed trees?
bool hcl_syntax_file(std::string_view path);
// Glob patterns of every format's files, for the LSP client to watch.
std::vector<std::string> watched_source_globs();

}  // namespace eph
