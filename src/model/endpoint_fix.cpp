#include "model/endpoint_fix.h"

#include <cctype>
#include <string>
#include <vector>

#include "model/endpoint_services.h"

namespace eph {
namespace {

constexpr std::string_view kTerraformEndpointType = "aws_vpc_endpoint";
constexpr std::string_view kTerraformRegionData = "data.aws_region";
constexpr std::string_view kCloudFormationEndpointType = "AWS::EC2::VPCEndpoint";
// The attribute of a Terraform VPC that names the route table AWS created with it.
constexpr std::string_view kImplicitTableAttribute = "default_route_table_id";

using Wiring = EndpointWiring;

std::optional<Wiring> wiring_for(const FunctionNetwork& fn_net, std::string_view iam_service) {
  const EndpointService* svc = endpoint_for_service(iam_service);
  if (!svc || !fn_net.vpc) return std::nullopt;
  Wiring w;
  w.gateway = svc->gateway;
  w.suffix = std::string(svc->endpoint);
  for (const auto& path : fn_net.subnets) {
    if (!path.subnet || !path.route_table) return std::nullopt;
    const NativeResource* target = w.gateway ? path.route_table->resource : path.subnet->resource;
    if (!target) {
      w.implicit_table = true;
      continue;
    }
    bool seen = false;
    for (const auto* t : w.targets) seen = seen || t == target;
    if (!seen) w.targets.push_back(target);
  }
  return w;
}

std::string local_address(const NativeResource& r) {
  if (r.module.empty() || r.address.rfind(r.module + ".", 0) != 0) return r.address;
  return r.address.substr(r.module.size() + 1);
}

std::string identifier(std::string_view suffix, bool camel) {
  std::string out;
  bool upper = camel;
  for (char c : suffix) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      if (camel) upper = true;
      else out += '_';
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// A name not yet taken in the unit (Terraform: within the module).
std::string unique_name(const Model& model, const std::string& prefix, std::string base) {
  std::string name = base;
  for (int i = 2; model.resource(prefix + name) || model.resource(prefix + name + "[0]"); ++i)
    name = base + std::to_string(i);
  return name;
}

TextEdit append_to_file(const SourceFile& file, const std::string& block) {
  const std::string& text = file.text();
  std::string prefix = text.empty() || text.back() == '\n' ? "\n" : "\n\n";
  uint32_t end = static_cast<uint32_t>(text.size());
  return TextEdit{Range{&file, end, end}, prefix + block};
}

std::optional<Fix> terraform_fix(const Model& model, const FunctionNetwork& fn_net, const Wiring& w) {
  const NativeResource& vpc = *fn_net.vpc->resource;
  const SourceFile* file = vpc.declaration.file;
  if (!file || file->path().size() < 3 || file->path().substr(file->path().size() - 3) != ".tf") return std::nullopt;
  for (const NativeResource* t : w.targets)
    if (t->module != vpc.module) return std::nullopt;
  std::string module_prefix = vpc.module.empty() ? "" : vpc.module + ".";

  std::string region;
  std::string region_block;
  for (const auto& r : model.unit->resources) {
    if (r.type == kTerraformRegionData && r.module == vpc.module && r.address.back() != ']') {
      region = local_address(r) + ".name";
      break;
    }
  }
  if (region.empty()) {
    std::string data_name = unique_name(model, module_prefix + std::string(kTerraformRegionData) + ".", "current");
    region = std::string(kTerraformRegionData) + "." + data_name + ".name";
    region_block = "data \"aws_region\" \"" + data_name + "\" {}\n\n";
  }

  std::vector<std::string> ids;
  if (w.implicit_table) ids.push_back(local_address(vpc) + "." + std::string(kImplicitTableAttribute));
  for (const NativeResource* t : w.targets) ids.push_back(local_address(*t) + ".id");
  std::string list;
  for (size_t i = 0; i < ids.size(); ++i) list += (i ? ", " : "") + ids[i];

  std::string name = unique_name(model, module_prefix + std::string(kTerraformEndpointType) + ".", identifier(w.suffix, false));
  std::string block = region_block + "resource \"" + std::string(kTerraformEndpointType) + "\" \"" + name + "\" {\n";
  block += "  vpc_id            = " + local_address(vpc) + ".id\n";
  block += "  service_name      = \"com.amazonaws.${" + region + "}." + w.suffix + "\"\n";
  if (w.gateway) {
    block += "  vpc_endpoint_type = \"Gateway\"\n";
    block += "  route_table_ids   = [" + list + "]\n";
  } else {
    block += "  vpc_endpoint_type = \"Interface\"\n";
    block += "  subnet_ids        = [" + list + "]\n";
    block += "  private_dns_enabled = true\n";
  }
  block += "}\n";
  std::string what = w.gateway ? "gateway endpoint" : "interface endpoint";
  return Fix{"Add " + with_article(what) + " for " + w.suffix + " to " + vpc.address +
                 (w.gateway ? "" : " (its security group must admit HTTPS from the function)"),
             {append_to_file(*file, block)}};
}

size_t line_indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  size_t n = line_indent(line);
  return n == line.size() || line[n] == '#' || line[n] == '\r';
}

// `Resources:` alone on its line (a comment may follow).
bool resources_key(std::string_view line, size_t indent) {
  std::string_view rest = line.substr(indent);
  if (rest.rfind("Resources:", 0) != 0) return false;
  rest.remove_prefix(10);
  size_t n = line_indent(rest);
  return n == rest.size() || rest[n] == '#' || rest[n] == '\r';
}

// Where a new resource goes in a YAML template: the end of the top-level Resources block,
// or of the Resources under a serverless.yml's top-level `resources:`.
std::optional<TextEdit> yaml_insertion(const SourceFile& file, const std::string& logical_id, const Wiring& w,
                                       const std::string& vpc_id) {
  const std::string& text = file.text();
  std::vector<std::pair<size_t, std::string_view>> lines;  // (offset, line)
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl;
    lines.emplace_back(pos, std::string_view(text).substr(pos, end - pos));
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  size_t start = lines.size(), base = 0;
  std::string_view parent;  // the last line at column 0
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i].second;
    if (blank_or_comment(l)) continue;
    size_t indent = line_indent(l);
    if (indent == 0) parent = l;
    bool under_resources = indent > 0 && parent.rfind("resources:", 0) == 0;
    if ((indent == 0 || under_resources) && resources_key(l, indent)) {
      start = i;
      base = indent;
    }
  }
  if (start == lines.size()) return std::nullopt;
  size_t key_indent = 0, step = 0, insert_line = lines.size();
  for (size_t i = start + 1; i < lines.size(); ++i) {
    std::string_view l = lines[i].second;
    if (blank_or_comment(l)) continue;
    size_t indent = line_indent(l);
    if (indent <= base) {
      insert_line = i;
      break;
    }
    if (!key_indent) key_indent = indent;
    else if (!step && indent > key_indent) step = indent - key_indent;
  }
  if (!key_indent) return std::nullopt;
  if (!step) step = key_indent;
  auto pad = [&](size_t level) { return std::string(key_indent + step * level, ' '); };
  std::string block = pad(0) + logical_id + ":\n";
  block += pad(1) + "Type: " + std::string(kCloudFormationEndpointType) + "\n";
  block += pad(1) + "Properties:\n";
  block += pad(2) + "VpcEndpointType: " + (w.gateway ? "Gateway" : "Interface") + "\n";
  block += pad(2) + "ServiceName: !Sub \"com.amazonaws.${AWS::Region}." + w.suffix + "\"\n";
  block += pad(2) + "VpcId: !Ref " + vpc_id + "\n";
  if (!w.gateway) block += pad(2) + "PrivateDnsEnabled: true\n";
  block += pad(2) + (w.gateway ? "RouteTableIds:\n" : "SubnetIds:\n");
  for (const NativeResource* t : w.targets) block += pad(3) + "- !Ref " + t->address + "\n";
  uint32_t at;
  if (insert_line < lines.size()) {
    at = static_cast<uint32_t>(lines[insert_line].first);
    block += "\n";
  } else {
    at = static_cast<uint32_t>(text.size());
    if (!text.empty() && text.back() != '\n') block = "\n" + block;
  }
  return TextEdit{Range{&file, at, at}, block};
}

// Where a new resource goes in a JSON template: after the last member of "Resources".
std::optional<TextEdit> json_insertion(const SourceFile& file, const std::string& logical_id, const Wiring& w,
                                       const std::string& vpc_id) {
  const std::string& text = file.text();
  int depth = 0;
  size_t resources_open = std::string::npos, resources_close = std::string::npos;
  bool expect_resources_value = false;
  for (size_t i = 0; i < text.size() && resources_close == std::string::npos; ++i) {
    char c = text[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (depth == 1 && resources_open == std::string::npos && text.compare(i, j - i + 1, "\"Resources\"") == 0)
        expect_resources_value = true;
      i = j;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      if (c == '{' && expect_resources_value && depth == 2) {
        resources_open = i;
        expect_resources_value = false;
      }
    } else if (c == '}' || c == ']') {
      if (depth == 2 && resources_open != std::string::npos && c == '}') resources_close = i;
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_resources_value = false;
    }
  }
  if (resources_close == std::string::npos) return std::nullopt;
  size_t last = resources_close;
  while (last > resources_open + 1 && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
  if (last == resources_open + 1) return std::nullopt;  // no resources to follow
  size_t first_key = text.find('"', resources_open);
  size_t line_start = text.rfind('\n', first_key);
  std::string indent(first_key - (line_start == std::string::npos ? 0 : line_start + 1), ' ');
  std::string step = indent.size() >= 2 ? std::string(indent.size() / 2, ' ') : "  ";
  std::string list;
  for (size_t i = 0; i < w.targets.size(); ++i)
    list += (i ? ", " : "") + std::string("{\"Ref\": \"") + w.targets[i]->address + "\"}";
  std::string block = ",\n" + indent + "\"" + logical_id + "\": {\n";
  block += indent + step + "\"Type\": \"" + std::string(kCloudFormationEndpointType) + "\",\n";
  block += indent + step + "\"Properties\": {\n";
  std::string p = indent + step + step;
  block += p + "\"VpcEndpointType\": \"" + (w.gateway ? "Gateway" : "Interface") + "\",\n";
  block += p + "\"ServiceName\": {\"Fn::Sub\": \"com.amazonaws.${AWS::Region}." + w.suffix + "\"},\n";
  block += p + "\"VpcId\": {\"Ref\": \"" + vpc_id + "\"},\n";
  if (!w.gateway) block += p + "\"PrivateDnsEnabled\": true,\n";
  block += p + (w.gateway ? "\"RouteTableIds\": [" : "\"SubnetIds\": [") + list + "]\n";
  block += indent + step + "}\n" + indent + "}";
  uint32_t at = static_cast<uint32_t>(last);
  return TextEdit{Range{&file, at, at}, block};
}

std::optional<Fix> cloudformation_fix(const Model& model, const FunctionNetwork& fn_net, const Wiring& w) {
  if (w.implicit_table) return std::nullopt;  // CloudFormation cannot name a VPC's main route table
  const NativeResource& vpc = *fn_net.vpc->resource;
  const SourceFile* file = vpc.declaration.file;
  if (!file) return std::nullopt;
  std::string logical_id = unique_name(model, "", identifier(w.suffix, true) + "VpcEndpoint");
  size_t first = file->text().find_first_not_of(" \t\r\n");
  bool json = first != std::string::npos && file->text()[first] == '{';
  auto edit = json ? json_insertion(*file, logical_id, w, vpc.address) : yaml_insertion(*file, logical_id, w, vpc.address);
  if (!edit) return std::nullopt;
  std::string what = w.gateway ? "gateway endpoint" : "interface endpoint";
  return Fix{"Add " + with_article(what) + " for " + w.suffix + " to " + vpc.address +
                 (w.gateway ? "" : " (its security group must admit HTTPS from the function)"),
             {*edit}};
}

class TerraformEndpointWriter final : public EndpointFixWriter {
 public:
  std::optional<Fix> write(const Model& model, const FunctionNetwork& fn_net, const EndpointWiring& w) const override {
    return terraform_fix(model, fn_net, w);
  }
};

class CloudFormationEndpointWriter final : public EndpointFixWriter {
 public:
  std::optional<Fix> write(const Model& model, const FunctionNetwork& fn_net, const EndpointWiring& w) const override {
    return cloudformation_fix(model, fn_net, w);
  }
};

}  // namespace

const EndpointFixWriter& terraform_endpoint_writer() {
  static const TerraformEndpointWriter writer;
  return writer;
}

const EndpointFixWriter& cloudformation_endpoint_writer() {
  static const CloudFormationEndpointWriter writer;
  return writer;
}

std::optional<Fix> endpoint_fix(const Model& model, const FunctionNetwork& fn_net, std::string_view iam_service) {
  if (!model.endpoint_writer) return std::nullopt;  // the unit's format writes no such fix (plan JSON)
  auto w = wiring_for(fn_net, iam_service);
  if (!w || (w->targets.empty() && !w->implicit_table)) return std::nullopt;
  return model.endpoint_writer->write(model, fn_net, *w);
}

}  // namespace eph
