// Filesystem built-ins. Files are read through the FileProvider, relative to the module,
// never outside the scanned tree: a path outside it, or behind a symbolic link leading out of
// it, gives unknown and an EPH001 saying why. A file read is adopted by the unit so that
// positions can point into it; a JSON file is decoded with those positions.
#include <algorithm>

#include "terraform/functions/document_decoding.h"
#include "terraform/functions/function_support.h"
#include "terraform/functions/glob_pattern.h"

namespace eph::terraform::fn {

namespace {

constexpr size_t kMaxFileBytes = 8 << 20;

struct FileRead {
  std::optional<std::string> text;
  std::string path;
  Value failure;  // set when `text` is empty
};

std::string resolve(const FunctionContext& ctx, const std::string& path) {
  if (!path.empty() && path.front() == '/') return clean_path(path);
  if (ctx.module_dir.empty()) return clean_path(path);
  return clean_path(ctx.module_dir + "/" + path);
}

// Unknown, and EPH001 at the call, when the provider refuses `resolved` (written as `path`).
std::optional<Value> refused(Call& c, const std::string& path, const std::string& resolved) {
  std::optional<std::string> why = c.ctx.fs->refusal(resolved);
  if (!why) return std::nullopt;
  return c.limit("\"" + path + "\" is not read: " + *why);
}

// Reads the file named by argument 0, or says why not (unknown or evaluation error).
FileRead read_file(Call& c) {
  FileRead out;
  auto path = as_string(c.args[0]);
  if (!path) {
    out.failure = c.fail("path must be a string");
    return out;
  }
  if (!path->empty() && path->front() == '~') {
    out.failure = c.unknown("a path in the home directory is not knowable statically");
    return out;
  }
  out.path = resolve(c.ctx, *path);
  if (!c.ctx.fs || (!c.ctx.scan_root.empty() && !is_within(out.path, c.ctx.scan_root))) {
    out.failure = c.unknown("file outside the scanned tree is not read");
    return out;
  }
  if (auto refusal = refused(c, *path, out.path)) {
    out.failure = std::move(*refusal);
    return out;
  }
  out.text = c.ctx.fs->read(out.path);
  if (!out.text) {
    out.failure = c.ctx.fs->is_directory(out.path) ? c.fail("\"" + *path + "\" is a directory, not a file")
                                                   : c.fail("no file exists at \"" + *path + "\"");
    return out;
  }
  if (out.text->size() > kMaxFileBytes) {
    out.text.reset();
    out.failure = c.limit("file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char ch = static_cast<unsigned char>(s[i]);
    size_t len = ch < 0x80 ? 1 : (ch >> 5) == 0x6 ? 2 : (ch >> 4) == 0xE ? 3 : (ch >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

Value file(Call& c) {
  FileRead r = read_file(c);
  if (!r.text) return r.failure;
  if (!valid_utf8(*r.text)) return c.fail("contents of \"" + r.path + "\" are not valid UTF-8; use filebase64");
  if (!c.ctx.adopt_file) {
    // Nowhere to keep the file: positions stay at the call.
    Value v = c.computed(Value::string_of(*r.text));
    Decoded d = decode_json(*r.text, Range{}, c.ctx.call);
    if (d.value) v.decoded = std::make_shared<const Value>(std::move(*d.value));
    return v;
  }
  SourceFilePtr f = c.ctx.adopt_file(r.path, std::move(*r.text));
  Value v = c.passed(Value::string_of(f->text(), Range{f.get(), 0, static_cast<uint32_t>(f->text().size())}));
  v.decoded = decode_json_file(*f);
  if (!v.decoded && is_yaml_file_name(f->path())) v.decoded = decode_rendered_template(f->text(), {}, *f, c.ctx.call);
  return v;
}

Value filebase64(Call& c) {
  FileRead r = read_file(c);
  if (!r.text) return r.failure;
  std::vector<Value> one{Value::string_of(std::move(*r.text))};
  auto encoded = call_function("base64encode", std::move(one), c.ctx);
  return c.computed(std::move(*encoded));
}

Value fileexists(Call& c) {
  auto path = as_string(c.args[0]);
  if (!path) return c.fail("path must be a string");
  if (!path->empty() && path->front() == '~') return c.unknown("a path in the home directory is not knowable statically");
  std::string resolved = resolve(c.ctx, *path);
  if (!c.ctx.fs || (!c.ctx.scan_root.empty() && !is_within(resolved, c.ctx.scan_root))) {
    return c.unknown("file outside the scanned tree is not read");
  }
  if (auto refusal = refused(c, *path, resolved)) return *refusal;
  if (c.ctx.fs->is_directory(resolved)) return c.fail("\"" + *path + "\" is a directory, not a file");
  return c.computed(Value::boolean_of(c.ctx.fs->read(resolved).has_value()));
}

Value templatefile(Call& c) {
  const Value& vars = c.args[1];
  if (!vars.is_map()) return c.fail("vars must be a map or object");
  FileRead r = read_file(c);
  if (!r.text) return r.failure;
  if (!c.ctx.adopt_file || !c.ctx.render_template) return c.unknown("templates are not rendered here");
  SourceFilePtr f = c.ctx.adopt_file(r.path, std::move(*r.text));
  Value out = c.ctx.render_template(f, vars);
  if (!out.where.valid()) out.where = c.ctx.call;
  absorb(out, c.args[0]);
  // JSON, or YAML from a YAML template; positioned into the template where that is certain.
  if (out.is_string() && !out.decoded) out.decoded = decode_rendered_template(out.text, {}, *f, out.where);
  return out;
}

// fileset(path, pattern): the files under `path` matching the glob, relative to `path`.
Value fileset(Call& c) {
  auto base = as_string(c.args[0]);
  auto pattern = as_string(c.args[1]);
  if (!base || !pattern) return c.fail("arguments must be strings");
  GlobPattern glob;
  if (!glob.parse(*pattern)) return c.fail("invalid pattern \"" + *pattern + "\"");
  if (!base->empty() && base->front() == '~') return c.unknown("a path in the home directory is not knowable statically");
  std::string root = resolve(c.ctx, *base);
  if (!c.ctx.fs || (!c.ctx.scan_root.empty() && !is_within(root, c.ctx.scan_root))) {
    return c.unknown("directory outside the scanned tree is not read");
  }
  if (auto refusal = refused(c, *base, root)) return *refusal;
  constexpr size_t kMaxEntries = 10'000;
  size_t visited = 0;
  std::vector<std::string> found;
  // Directories to walk, as paths relative to root ("" is root itself).
  std::vector<std::pair<std::string, int>> pending{{"", 0}};
  while (!pending.empty()) {
    auto [rel, depth] = pending.back();
    pending.pop_back();
    std::string dir = rel.empty() ? root : root + "/" + rel;
    for (const auto& name : c.ctx.fs->list(dir, false)) {
      if (++visited > kMaxEntries) return c.limit("more than 10000 files and directories under \"" + *base + "\"");
      std::string child = rel.empty() ? name : rel + "/" + name;
      if (c.ctx.fs->is_directory(root + "/" + child)) {
        if (depth < 32) pending.emplace_back(child, depth + 1);
      } else if (glob.matches(child)) {
        found.push_back(child);
      }
    }
  }
  std::sort(found.begin(), found.end());
  Value out = c.computed(Value::list());
  for (auto& f : found) out.items.push_back(Value::string_of(std::move(f), c.ctx.call));
  return out;
}

Value abspath(Call& c) {
  auto path = as_string(c.args[0]);
  if (!path) return c.fail("path must be a string");
  if (path->empty() || path->front() != '/') {
    return c.unknown("an absolute path depends on the directory Terraform runs in");
  }
  std::string cleaned = clean_path(*path);
  if (cleaned == *path) return c.passed(c.args[0]);
  return c.computed(Value::string_of(std::move(cleaned)));
}

// Go's filepath.Dir and filepath.Base.
Value dirname(Call& c) {
  auto path = as_string(c.args[0]);
  if (!path) return c.fail("path must be a string");
  size_t slash = path->rfind('/');
  std::string dir = slash == std::string::npos ? "" : path->substr(0, slash + 1);
  return c.computed(Value::string_of(clean_path(dir)));
}

Value basename(Call& c) {
  auto path = as_string(c.args[0]);
  if (!path) return c.fail("path must be a string");
  std::string p = *path;
  if (p.empty()) return c.computed(Value::string_of("."));
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  if (p == "/") return c.computed(Value::string_of("/"));
  size_t slash = p.rfind('/');
  return c.computed(Value::string_of(slash == std::string::npos ? p : p.substr(slash + 1)));
}

Value pathexpand(Call& c) {
  auto path = as_string(c.args[0]);
  if (!path) return c.fail("path must be a string");
  if (!path->empty() && path->front() == '~') return c.unknown("the home directory is not knowable statically");
  return c.passed(c.args[0]);
}

constexpr BuiltinSpec kFunctions[] = {
    {"file", file, 1, 1},
    {"filebase64", filebase64, 1, 1},
    {"fileexists", fileexists, 1, 1},
    {"fileset", fileset, 2, 2},
    {"templatefile", templatefile, 2, 2},
    {"abspath", abspath, 1, 1},
    {"dirname", dirname, 1, 1},
    {"basename", basename, 1, 1},
    {"pathexpand", pathexpand, 1, 1},
};

}  // namespace

std::span<const BuiltinSpec> filesystem_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
