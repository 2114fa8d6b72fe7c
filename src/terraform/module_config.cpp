#include "terraform/module_config.h"

#include <algorithm>

#include "syntax/hcl/hcl_tree.h"
#include "syntax/json/json_loader.h"
#include "terraform/hcl_config_builder.h"
#include "terraform/json_config_builder.h"

namespace eph::terraform {
namespace {

const Expr* attr_expr(const Body& body, std::string_view name) {
  const Attribute* a = body.attribute(name);
  return a ? a->expr.get() : nullptr;
}

bool literal_true(const Expr* e) {
  return e && e->kind == ExprKind::Literal && e->literal.kind == Kind::Bool && e->literal.boolean;
}

void index_declarations(ModuleConfig& m, std::vector<Diagnostic>& diagnostics) {
  for (const ConfigFile& f : m.files) {
    for (const Block& b : f.body.blocks) {
      if ((b.type == "resource" || b.type == "data") && b.labels.size() == 2) {
        ResourceDecl r;
        r.is_data = b.type == "data";
        r.type = b.labels[0];
        r.name = b.labels[1];
        r.key = (r.is_data ? "data." : "") + r.type + "." + r.name;
        r.block = &b;
        r.count = attr_expr(b.body, "count");
        r.for_each = attr_expr(b.body, "for_each");
        if (m.resource_index.emplace(r.key, m.resources.size()).second) m.resources.push_back(std::move(r));
      } else if (b.type == "variable" && b.labels.size() == 1) {
        VariableDecl v;
        v.name = b.labels[0];
        v.block = &b;
        v.default_value = attr_expr(b.body, "default");
        v.type = attr_expr(b.body, "type");
        // JSON syntax writes the type as a string: read it as the type expression it holds.
        if (v.type && v.type->kind == ExprKind::Literal && v.type->literal.is_string()) {
          m.owned.push_back(parse_expression(v.type->literal.text, v.type->range, diagnostics));
          v.type = m.owned.back().get();
        }
        v.sensitive = literal_true(attr_expr(b.body, "sensitive"));
        if (m.variable_index.emplace(v.name, m.variables.size()).second) m.variables.push_back(std::move(v));
      } else if (b.type == "locals") {
        for (const Attribute& a : b.body.attributes) {
          if (m.local_index.emplace(a.name, m.locals.size()).second) m.locals.push_back({a.name, &a});
        }
      } else if (b.type == "module" && b.labels.size() == 1) {
        ModuleCallDecl c;
        c.name = b.labels[0];
        c.block = &b;
        if (const Attribute* s = b.body.attribute("source")) {
          c.source_range = s->expr->range;
          if (s->expr->kind == ExprKind::Literal && s->expr->literal.is_string()) c.source = s->expr->literal.text;
        }
        c.count = attr_expr(b.body, "count");
        c.for_each = attr_expr(b.body, "for_each");
        if (m.module_index.emplace(c.name, m.module_calls.size()).second) m.module_calls.push_back(std::move(c));
      } else if (b.type == "output" && b.labels.size() == 1) {
        OutputDecl o;
        o.name = b.labels[0];
        o.block = &b;
        o.value = attr_expr(b.body, "value");
        o.sensitive = literal_true(attr_expr(b.body, "sensitive"));
        if (m.output_index.emplace(o.name, m.outputs.size()).second) m.outputs.push_back(std::move(o));
      }
    }
  }
}

bool is_override_file(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name == "override.tf" || name == "override.tf.json" || name.ends_with("_override.tf") ||
         name.ends_with("_override.tf.json");
}

// Terraform's override files: a block replaces the attributes it sets, and the nested
// blocks of each type it writes, in the block of the same type and labels.
void merge_override_block(std::vector<ConfigFile>& files, Block&& patch) {
  for (ConfigFile& f : files) {
    for (Block& target : f.body.blocks) {
      if (target.type != patch.type) continue;
      if (patch.type == "locals") {
        for (Attribute& a : patch.body.attributes)
          for (Attribute& existing : target.body.attributes)
            if (existing.name == a.name) existing = std::move(a);
        continue;
      }
      if (target.labels != patch.labels) continue;
      for (Attribute& a : patch.body.attributes) {
        bool replaced = false;
        for (Attribute& existing : target.body.attributes) {
          if (existing.name != a.name) continue;
          existing = std::move(a);
          replaced = true;
          break;
        }
        if (!replaced) target.body.attributes.push_back(std::move(a));
      }
      for (const Block& nested : patch.body.blocks)
        std::erase_if(target.body.blocks, [&](const Block& b) { return b.type == nested.type; });
      for (Block& nested : patch.body.blocks) target.body.blocks.push_back(std::move(nested));
      return;
    }
  }
}

}  // namespace

bool is_config_file_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  return name.ends_with(".tf") || name.ends_with(".tf.json");
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (!name.empty() && name[0] == '/') return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

ConfigFile parse_config_file(const SourceFilePtr& file, std::vector<Diagnostic>& diagnostics,
                             const hcl::ParsedHclTrees* trees) {
  ConfigFile out;
  out.file = file;
  if (file->path().ends_with(".json")) {
    json::ParseResult parsed = json::parse(*file);
    for (auto& d : parsed.diagnostics) diagnostics.push_back(std::move(d));
    out.body = build_json_body(parsed.value, diagnostics);
    return out;
  }
  std::optional<hcl::HclTree> reused = trees ? trees->tree_for(file) : std::nullopt;
  hcl::HclTree tree = reused ? std::move(*reused) : hcl::HclTree(file);
  if (!reused && trees) trees->remember(tree);
  hcl::ChildrenMemo memo(tree);  // the syntax checks and the builder list each node's children once
  for (auto& d : hcl::syntax_errors(tree)) diagnostics.push_back(std::move(d));
  out.body = build_body(tree, diagnostics);
  return out;
}

std::unique_ptr<ModuleConfig> build_module_config(const std::string& dir, std::vector<SourceFilePtr> files,
                                                  const hcl::ParsedHclTrees* parsed) {
  auto m = std::make_unique<ModuleConfig>();
  m->dir = dir;
  std::sort(files.begin(), files.end(), [](const SourceFilePtr& a, const SourceFilePtr& b) { return a->path() < b->path(); });
  m->sources = files;
  m->files.reserve(files.size());
  std::vector<ConfigFile> overrides;
  for (const SourceFilePtr& f : files) {
    (is_override_file(f->path()) ? overrides : m->files).push_back(parse_config_file(f, m->diagnostics, parsed));
  }
  for (ConfigFile& o : overrides)
    for (Block& b : o.body.blocks) merge_override_block(m->files, std::move(b));
  index_declarations(*m, m->diagnostics);
  // The override files stay part of the module (positions point into them); their blocks were merged.
  for (ConfigFile& o : overrides) {
    o.body = Body{};
    m->files.push_back(std::move(o));
  }
  return m;
}

}  // namespace eph::terraform
