// Every read path of a scan, with links to files and directories outside the tree (not read:
// an EPH001 or an unknown value saying why) and inside it (read as before): discovery, the
// Terraform filesystem functions, local module sources and a module's symlinked parent
// directory, tfvars, plan JSON next to its configuration, CloudFormation templates.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"
#include "formats/source_format.h"
#include "symlink_tree.h"

using namespace eph;
using eph::test::SymlinkTree;

namespace {

const char* kProbe = R"(variable "v" {
  default = "default"
}
resource "aws_ssm_parameter" "probe" {
  in_file    = file("${path.module}/link_in.txt")
  out_file   = file("${path.module}/link_out.txt")
  in_tpl     = templatefile("${path.module}/link_in.txt", {})
  out_tpl    = templatefile("${path.module}/link_out.txt", {})
  in_b64     = filebase64("${path.module}/link_in.txt")
  out_b64    = filebase64("${path.module}/link_out.txt")
  in_exists  = fileexists("${path.module}/link_in.txt")
  out_exists = fileexists("${path.module}/link_out.txt")
  in_set     = fileset("${path.module}/dir_in", "*")
  out_set    = fileset("${path.module}/dir_out", "*")
  var        = var.v
  child      = module.in.value
  child_out  = module.out.value
  parent_out = module.parent_out.value
}
module "in" {
  source = "./mod_in"
}
module "out" {
  source = "./mod_out"
}
module "parent_out" {
  source = "./vendor/mod"
}
)";

const char* kPlan = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": []}}})";
const char* kTemplate = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n";

struct Scan {
  DiscoveredFiles found;
  std::vector<UnitPlan> plans;
  std::vector<LoadedUnit> units;
};

Scan scan(const SymlinkTree& t, bool follow = false) {
  Scan s;
  DiskFileProvider provider({t.root.string()}, 8u << 20, follow);
  s.found = discover_files({t.root.string()}, {}, provider.confinement());
  s.plans = plan_units(s.found, provider, 8u << 20);
  AnalysisOptions options;
  for (const auto& p : s.plans) s.units.push_back(load_unit(p, provider, options));
  return s;
}

const NativeResource* probe(const Scan& s) {
  for (const auto& u : s.units)
    for (const auto& r : u.resources)
      if (r.address == "aws_ssm_parameter.probe") return &r;
  return nullptr;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool mentions(const Scan& s, const std::string& text) {
  for (const auto& u : s.units)
    for (const auto& f : u.files)
      if (f->text().find(text) != std::string::npos) return true;
  return false;
}

size_t limits_mentioning(const Scan& s, const std::string& fragment) {
  size_t n = 0;
  for (const auto& u : s.units)
    for (const auto& d : u.diagnostics)
      if (d.kind == Diagnostic::Kind::LimitReached && d.message.find(fragment) != std::string::npos) ++n;
  return n;
}

void build(const SymlinkTree& t) {
  t.write("outside/secret.txt", "OUTSIDE-MARKER");
  t.write("outside/mod/main.tf", "output \"value\" {\n  value = \"OUTSIDE-MARKER\"\n}\n");
  t.write("outside/vendor/mod/main.tf", "output \"value\" {\n  value = \"OUTSIDE-MARKER\"\n}\n");
  t.write("outside/secret.tfvars", "v = \"OUTSIDE-MARKER\"\n");
  t.write("outside/plan.json", std::string(kPlan).insert(1, "\"OUTSIDE-MARKER\": 1, "));
  t.write("outside/template.yaml", std::string(kTemplate) + "# OUTSIDE-MARKER\n");

  t.write("root/app/main.tf", kProbe);
  t.write("root/app/in.txt", "inside");
  t.link("root/app/link_in.txt", "in.txt");
  t.link("root/app/link_out.txt", "../../outside/secret.txt");
  t.write("root/shared/a.txt", "a");
  t.link("root/app/dir_in", "../shared");
  t.link("root/app/dir_out", "../../outside");
  t.write("root/modules/ok/main.tf", "output \"value\" {\n  value = \"child-inside\"\n}\n");
  t.link("root/app/mod_in", "../modules/ok");
  t.link("root/app/mod_out", "../../outside/mod");
  t.link("root/app/vendor", "../../outside/vendor");  // the parent directory of a module, not the module
  t.link("root/app/terraform.tfvars", "../../outside/secret.tfvars");

  t.write("root/vars/main.tf", "variable \"v\" {}\nresource \"aws_ssm_parameter\" \"probe2\" {\n  value = var.v\n}\n");
  t.write("root/shared/vals.tfvars", "v = \"from-inside-link\"\n");
  t.link("root/vars/x.auto.tfvars", "../shared/vals.tfvars");

  t.write("root/planned/main.tf", "locals {}\n");
  t.link("root/planned/plan.json", "../../outside/plan.json");
  t.write("root/data/real-plan.json.txt", kPlan);
  t.write("root/planned_in/main.tf", "locals {}\n");
  t.link("root/planned_in/plan.json", "../data/real-plan.json.txt");

  t.link("root/cfn/out.yaml", "../../outside/template.yaml");
  t.write("root/data/template.yaml.txt", kTemplate);
  t.link("root/cfn/in.yaml", "../data/template.yaml.txt");
}

}  // namespace

TEST_CASE("confined scan: links leading out are reported and never read; links inside keep working") {
  SymlinkTree t("scan");
  build(t);
  Scan s = scan(t);

  // Discovery: each link leading out is listed, none that stays inside.
  std::vector<std::string> links;
  for (const auto& l : s.found.links_not_followed) links.push_back(l.substr(t.root.string().size() + 1));
  std::sort(links.begin(), links.end());
  CHECK(links == std::vector<std::string>{"app/dir_out", "app/link_out.txt", "app/mod_out", "app/terraform.tfvars",
                                          "app/vendor", "cfn/out.yaml", "planned/plan.json"});
  // ... each an EPH001 unit saying so.
  size_t rejected = 0;
  for (const auto& p : s.plans)
    if (p.rejected() && p.reject_kind == Diagnostic::Kind::LimitReached &&
        p.reject_reason.find("symbolic link") != std::string::npos)
      ++rejected;
  CHECK(rejected == links.size());

  // Nothing from outside reached any unit.
  CHECK_FALSE(mentions(s, "OUTSIDE-MARKER"));

  const NativeResource* r = probe(s);
  REQUIRE(r);
  auto at = [&](const char* key) {
    const Value* v = r->body.get(key);
    REQUIRE_MESSAGE(v, key);
    return *v;
  };
  CHECK(at("in_file").text == "inside");
  CHECK(at("in_tpl").text == "inside");
  CHECK(at("in_b64").text == "aW5zaWRl");
  CHECK(at("in_exists").boolean);
  REQUIRE(at("in_set").is_list());
  CHECK(at("in_set").items.size() == 2);  // a.txt, vals.tfvars
  CHECK(at("child").text == "child-inside");
  CHECK(at("var").text == "default");  // the tfvars link leading out was not read
  for (const char* out : {"out_file", "out_tpl", "out_b64", "out_exists", "out_set"}) {
    Value v = at(out);
    CHECK_MESSAGE(v.is_unknown(), out);
    CHECK_MESSAGE(v.text.find("symbolic link") != std::string::npos, out << ": " << v.text);
  }
  CHECK(at("child_out").is_unknown());
  CHECK(at("parent_out").is_unknown());
  CHECK(limits_mentioning(s, "module source './mod_out' is not read") == 1);
  CHECK(limits_mentioning(s, "module source './vendor/mod' is not read") == 1);
  CHECK(limits_mentioning(s, "link_out.txt\" is not read: a symbolic link") >= 4);  // file, templatefile, filebase64, fileexists

  // The tfvars link inside the tree was read.
  bool inside_var = false;
  for (const auto& u : s.units)
    for (const auto& res : u.resources)
      if (res.address == "aws_ssm_parameter.probe2") inside_var = res.body.get("value")->text == "from-inside-link";
  CHECK(inside_var);

  // A plan and a template behind links inside the tree are analysed.
  auto has_unit = [&](std::string_view format, const std::string& suffix) {
    return std::any_of(s.plans.begin(), s.plans.end(), [&](const UnitPlan& p) {
      return p.format && p.format->name() == format && ends_with(p.root, suffix);
    });
  };
  CHECK(has_unit("terraform-plan", "planned_in/plan.json"));
  CHECK(has_unit("cloudformation", "cfn/in.yaml"));
  CHECK_FALSE(has_unit("terraform-plan", "planned/plan.json"));
  CHECK_FALSE(has_unit("cloudformation", "cfn/out.yaml"));
}

TEST_CASE("confined scan: --follow-symlinks reads through the links that lead out") {
  SymlinkTree t("follow");
  build(t);
  Scan s = scan(t, /*follow=*/true);
  CHECK(s.found.links_not_followed.empty());
  CHECK(mentions(s, "OUTSIDE-MARKER"));
  const NativeResource* r = probe(s);
  REQUIRE(r);
  CHECK(r->body.get("out_file")->text == "OUTSIDE-MARKER");
  CHECK(r->body.get("child_out")->text == "OUTSIDE-MARKER");
}

TEST_CASE("confined scan: a file named on the command line that is a link leading out is not read") {
  SymlinkTree t("named");
  t.write("outside/template.yaml", std::string(kTemplate) + "# OUTSIDE-MARKER\n");
  std::string named = t.link("root/changed.yaml", "../outside/template.yaml");
  DiskFileProvider provider(scan_roots({named}));
  DiscoveredFiles found = discover_files({named}, {}, provider.confinement());
  CHECK(found.files.empty());
  CHECK(found.links_not_followed == std::vector<std::string>{named});
}
