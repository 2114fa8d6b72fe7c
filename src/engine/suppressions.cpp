// Collecting suppressions from comments and CloudFormation Metadata, and applying them.
#include "engine/suppressions.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "engine/foreign_rule_map.h"

namespace eph {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

uint32_t line_of(const SourceFile& file, uint32_t offset) { return file.position(offset, ColumnUnit::Bytes).line; }

std::string short_path(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The line holds nothing but a comment (`#` or `//` after indentation).
bool comment_only(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  return line.substr(i, 1) == "#" || line.substr(i, 2) == "//";
}

// Where a comment starts on a line before `col`, or npos: the marker must be inside a comment.
bool inside_comment(std::string_view line, size_t col) {
  std::string_view before = line.substr(0, col);
  return before.find('#') != std::string_view::npos || before.find("//") != std::string_view::npos;
}

// Furthest byte any value of a resource reaches in `file`: with the declaration, its extent.
void furthest(const Value& v, const SourceFile* file, uint32_t& end) {
  if (v.where.file == file) end = std::max(end, v.where.end);
  for (const auto& f : v.fields) {
    if (f.key_range.file == file) end = std::max(end, f.key_range.end);
    furthest(f.value, file, end);
  }
  for (const auto& item : v.items) furthest(item, file, end);
}

Range extent_of(const NativeResource& r) {
  Range out = r.declaration;
  uint32_t end = out.end;
  furthest(r.body, out.file, end);
  furthest(r.meta, out.file, end);
  out.end = end;
  return out;
}

struct UnitIndex {
  // Resources by file and the line their declaration starts on.
  std::map<std::pair<const SourceFile*, uint32_t>, std::vector<const NativeResource*>> by_declaration_line;
  std::vector<std::pair<const NativeResource*, Range>> extents;
};

UnitIndex index_unit(const LoadedUnit& unit) {
  UnitIndex idx;
  for (const auto& r : unit.resources) {
    if (!r.declaration.file) continue;
    idx.by_declaration_line[{r.declaration.file, line_of(*r.declaration.file, r.declaration.begin)}].push_back(&r);
    idx.extents.emplace_back(&r, extent_of(r));
  }
  return idx;
}

void cover_resource(Suppression& s, const NativeResource& r, const Range& extent) {
  s.resources.insert(r.address);
  s.extents.push_back(extent);
}

// A comment covers its own line and, when it stands alone, the next line that is not a
// comment (so several suppressions can be stacked above one line). A resource declared
// on a covered line is covered whole.
void set_scope(Suppression& s, const SourceFile& file, uint32_t line, const UnitIndex& idx, const LoadedUnit& unit,
               bool inside_resource) {
  s.lines.insert(line);
  if (comment_only(file.line_text(line))) {
    uint32_t next = line + 1;
    while (next <= file.line_count() && comment_only(file.line_text(next))) ++next;
    if (next <= file.line_count()) s.lines.insert(next);
  }
  for (uint32_t l : s.lines) {
    auto it = idx.by_declaration_line.find({&file, l});
    if (it == idx.by_declaration_line.end()) continue;
    for (const NativeResource* r : it->second) {
      for (const auto& [res, extent] : idx.extents)
        if (res == r) cover_resource(s, *r, extent);
    }
  }
  if (inside_resource) {
    // checkov reads a skip anywhere inside the resource's block as applying to the resource.
    for (const auto& [res, extent] : idx.extents) {
      if (extent.file == &file && s.where.begin >= extent.begin && s.where.begin < extent.end)
        cover_resource(s, *res, extent);
    }
  }
}

// `tool:ignore:ID[:exp:DATE]` (tfsec, trivy) and `checkov:skip=ID[:reason]`.
Suppression parse_foreign(std::string_view tool, std::string_view rest, bool checkov) {
  Suppression s;
  s.tool = std::string(tool);
  size_t end = 0;
  while (end < rest.size() && rest[end] != ' ' && rest[end] != '\t' && rest[end] != '\r' && rest[end] != ':') ++end;
  s.written_id = std::string(rest.substr(0, end));
  std::string_view tail = end < rest.size() && rest[end] == ':' ? rest.substr(end + 1) : std::string_view{};
  if (checkov) {
    s.reason = std::string(tail);
    while (!s.reason.empty() && is_blank(s.reason.back())) s.reason.pop_back();
  } else if (tail.substr(0, 4) == "exp:" && tail.size() >= 14) {
    s.until = std::string(tail.substr(4, 10));
  }
  s.rule_ids = map_foreign_id(tool, s.written_id);
  return s;
}

struct Marker {
  std::string_view text;
  std::string_view tool;
};

const Marker kMarkers[] = {
    {"ephemera:ignore", "ephemera"},
    {"checkov:skip=", "checkov"},
    {"tfsec:ignore:", "tfsec"},
    {"trivy:ignore:", "trivy"},
};

// glibc's memmem (two-way, vectorised) instead of std::string::find, which stops at every
// occurrence of the first letter: marker checks ran over every file of every unit.
size_t find_marker(std::string_view text, std::string_view marker, size_t from = 0) {
  if (from >= text.size()) return std::string_view::npos;
  const void* hit = memmem(text.data() + from, text.size() - from, marker.data(), marker.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
}

void scan_comments(const SourceFile& file, const LoadedUnit& unit, const UnitIndex& idx,
                   const SuppressionOptions& options, std::vector<Suppression>& out) {
  const std::string& text = file.text();
  for (const Marker& marker : kMarkers) {
    if (marker.tool != "ephemera" && !options.foreign) continue;
    for (size_t at = find_marker(text, marker.text); at != std::string_view::npos;
         at = find_marker(text, marker.text, at + 1)) {
      uint32_t line = line_of(file, static_cast<uint32_t>(at));
      std::string_view line_text = file.line_text(line);
      size_t line_start = static_cast<size_t>(line_text.data() - text.data());
      if (!inside_comment(line_text, at - line_start)) continue;
      size_t after = at + marker.text.size();
      std::string_view rest(text.data() + after, line_start + line_text.size() - after);
      Suppression s;
      if (marker.tool == "ephemera") {
        if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;  // ephemera:ignored etc.
        s = parse_ignore_directive(rest);
      } else {
        s = parse_foreign(marker.tool, rest, marker.tool == "checkov");
        if (s.rule_ids.empty()) continue;  // a check ephemera has no counterpart for
      }
      size_t end = line_start + line_text.size();
      while (end > at && is_blank(text[end - 1])) --end;
      s.where = Range{&file, static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      set_scope(s, file, line, idx, unit, marker.tool == "checkov");
      out.push_back(std::move(s));
    }
  }
}

const Value* list_at(const Value& meta, std::string_view a, std::string_view b) {
  const Value* v = meta.get(a);
  if (v) v = v->get(b);
  return v && v->is_list() ? v : nullptr;
}

std::string string_field(const Value& entry, std::string_view key) {
  const Value* v = entry.get(key);
  return v && v->is_string() ? v->text : std::string();
}

void scan_metadata(const NativeResource& r, const Range& extent, const SuppressionOptions& options,
                   std::vector<Suppression>& out) {
  if (!r.meta.is_map()) return;
  auto add = [&](Suppression s, const Value& entry) {
    s.where = entry.where.file ? entry.where : r.declaration;
    cover_resource(s, r, extent);
    out.push_back(std::move(s));
  };
  if (const Value* list = list_at(r.meta, "ephemera", "ignore")) {
    for (const Value& entry : list->items) {
      Suppression s;
      if (entry.is_map()) {
        std::string id = string_field(entry, "id");
        if (id.empty()) s.problem = "no id given (id: EPHnnn)";
        else add_rule_id(s, id);
        s.reason = string_field(entry, "reason");
        s.until = string_field(entry, "until");
        validate_suppression(s);
      } else {
        s.written_id = entry.is_string() ? entry.text : std::string();
        s.problem = "not a map with id and reason (id: EPHnnn, reason: ...)";
      }
      add(std::move(s), entry);
    }
  }
  if (!options.foreign) return;
  auto foreign = [&](std::string_view tool, const Value* list, std::string_view id_key, std::string_view reason_key) {
    if (!list) return;
    for (const Value& entry : list->items) {
      Suppression s;
      s.tool = std::string(tool);
      s.written_id = entry.is_string() ? entry.text : string_field(entry, id_key);
      if (entry.is_map()) s.reason = string_field(entry, reason_key);
      s.rule_ids = map_foreign_id(tool, s.written_id);
      if (!s.rule_ids.empty()) add(std::move(s), entry);
    }
  };
  foreign("cfn_nag", list_at(r.meta, "cfn_nag", "rules_to_suppress"), "id", "reason");
  foreign("checkov", list_at(r.meta, "checkov", "skip"), "id", "comment");
  if (const Value* lint = r.meta.get("cfn-lint")) foreign("cfn-lint", list_at(*lint, "config", "ignore_checks"), "", "");
}

std::string describe(const Suppression& s) {
  std::string where;
  if (s.where.file) where = " at " + short_path(s.where.file->path()) + ":" + std::to_string(line_of(*s.where.file, s.where.begin));
  if (!s.foreign()) return "ephemera:ignore " + s.written_id + where;
  std::string mapped;
  for (const auto& id : s.rule_ids) mapped += (mapped.empty() ? "" : ",") + id;
  return s.tool + " suppression of " + s.written_id + " (maps to " + mapped + ")" + where;
}

bool covers(const Suppression& s, const Finding& f) {
  if (std::find(s.rule_ids.begin(), s.rule_ids.end(), f.rule_id) == s.rule_ids.end()) return false;
  if (!f.resource.empty() && s.resources.count(f.resource)) return true;
  if (!f.range.file) return false;
  for (const Range& e : s.extents)
    if (e.file == f.range.file && f.range.begin >= e.begin && f.range.begin < std::max(e.end, e.begin + 1)) return true;
  return f.range.file == s.where.file && s.lines.count(line_of(*f.range.file, f.range.begin));
}

// Most units suppress nothing: skip the resource index (a walk of every value) for them.
bool may_suppress(const LoadedUnit& unit, const SuppressionOptions& options) {
  for (const auto& file : unit.files)
    for (const Marker& marker : kMarkers)
      if ((marker.tool == "ephemera" || options.foreign) && find_marker(file->text(), marker.text) != std::string_view::npos)
        return true;
  for (const auto& r : unit.resources) {
    if (!r.meta.is_map()) continue;
    if (r.meta.get("ephemera")) return true;  // CDK's aws:cdk:path metadata alone is no reason
    if (options.foreign && (r.meta.get("cfn_nag") || r.meta.get("checkov") || r.meta.get("cfn-lint"))) return true;
  }
  return false;
}

}  // namespace

std::vector<Suppression> collect_suppressions(const LoadedUnit& unit, const SuppressionOptions& options) {
  std::vector<Suppression> out;
  if (!may_suppress(unit, options)) return out;
  UnitIndex idx = index_unit(unit);
  for (const auto& file : unit.files) scan_comments(*file, unit, idx, options, out);
  for (const auto& [r, extent] : idx.extents) scan_metadata(*r, extent, options, out);
  std::string today = options.today.empty() ? today_utc() : options.today;
  for (auto& s : out) s.expired = !s.until.empty() && s.until < today;
  return out;
}

void apply_suppressions(std::vector<Suppression>& suppressions, std::vector<Finding>& findings, size_t first) {
  if (suppressions.empty()) return;
  for (size_t i = first; i < findings.size(); ++i) {
    Finding& f = findings[i];
    if (f.suppressed) continue;
    for (auto& s : suppressions) {
      if (!s.active() || !covers(s, f)) continue;
      ++s.matched;
      f.suppressed = true;
      f.suppressed_in_source = true;
      f.suppression = describe(s);
      f.justification = s.reason;
      break;
    }
  }
}

}  // namespace eph
