// How functions that do not run inside a network send traffic into one (Google Cloud): a
// Serverless VPC Access connector or a direct VPC egress interface, and the egress setting
// that decides whether only private ranges or all traffic enter the network. Each becomes a
// FunctionNetwork whose NATs are those that name its subnets (lower_subnet_network.cpp).
#include <algorithm>

#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// Where a function type writes its attachment. `annotations`: Cloud Run v1 writes the
// connector, direct VPC egress interfaces and the egress setting as annotations of the
// revision template (the interfaces as a JSON list of {network, subnetwork, tags}).
struct AttachmentRow {
  std::string_view type;
  std::string_view connector;   // the connector's id, name or self link
  std::string_view egress;      // the egress setting
  std::string_view interfaces;  // direct VPC egress: blocks with a network and a subnetwork
  std::string_view interface_egress = "";  // direct VPC egress's own setting, when it has one
  std::string_view annotations = "";
};
constexpr AttachmentRow kAttachments[] = {
    {.type = "google_cloud_run_v2_service", .connector = "template/vpc_access/connector",
     .egress = "template/vpc_access/egress", .interfaces = "template/vpc_access/network_interfaces"},
    {.type = "google_cloud_run_service", .connector = "run.googleapis.com/vpc-access-connector",
     .egress = "run.googleapis.com/vpc-access-egress", .interfaces = "run.googleapis.com/network-interfaces",
     .annotations = "template/metadata/annotations"},
    {.type = "google_cloudfunctions_function", .connector = "vpc_connector", .egress = "vpc_connector_egress_settings",
     .interfaces = ""},
    {.type = "google_cloudfunctions2_function", .connector = "service_config/vpc_connector",
     .egress = "service_config/vpc_connector_egress_settings",
     .interfaces = "service_config/direct_vpc_network_interface", .interface_egress = "service_config/direct_vpc_egress"},
};
// The egress settings that send every destination into the network; the others send only
// private ranges (RFC 1918 and friends), which is also the default.
// ("all" is Cloud Run v1's deprecated spelling of all-traffic.)
constexpr std::string_view kAllTraffic[] = {"ALL_TRAFFIC", "all-traffic", "all", "VPC_EGRESS_ALL_TRAFFIC"};
constexpr std::string_view kInterfaceSubnet = "subnetwork";

bool written(const Value* v) { return v && !v->is_null(); }

const Value* read(const NativeResource& r, const AttachmentRow& row, std::string_view path) {
  if (path.empty()) return nullptr;
  if (row.annotations.empty()) return at_path(r.body, path);
  const Value* annotations = at_path(r.body, row.annotations);
  return annotations && annotations->is_map() ? annotations->get(path) : nullptr;
}

void set_egress(FunctionNetwork& fn_net, const Value* setting) {
  if (!written(setting)) return;  // the default: private ranges only
  fn_net.egress_setting = setting;
  if (!is_known_string(setting)) {
    fn_net.all_traffic_known = false;
    return;
  }
  fn_net.all_traffic = std::find(std::begin(kAllTraffic), std::end(kAllTraffic), setting->text) != std::end(kAllTraffic);
}

// The interfaces as blocks. An annotation holds them as JSON text; when it cannot be decoded
// (unknown, malformed) the annotation itself stands for an interface whose subnet is unknown.
std::vector<const Value*> interfaces_of(const NativeResource& r, const AttachmentRow& row) {
  std::vector<const Value*> out;
  if (row.interfaces.empty()) return out;
  if (row.annotations.empty()) {
    each_at_path(r.body, row.interfaces, [&](const Value& block) { out.push_back(&block); });
    return out;
  }
  const Value* annotation = read(r, row, row.interfaces);
  if (!written(annotation)) return out;
  if (!annotation->decoded || !annotation->decoded->is_list()) return {annotation};
  for (const Value& item : annotation->decoded->items) out.push_back(&item);
  if (out.empty()) out.push_back(annotation);
  return out;
}

// The subnet an interface names: by reference, else by a literal name, id or self link
// ("projects/p/regions/r/subnetworks/NAME", as Cloud Run v1 annotations write it) when exactly
// one Google Cloud subnet of the code has that name.
const Subnet* interface_subnet(const RefResolver& refs, const Network& net, const Value* written_subnet) {
  if (const Subnet* s =
          net.subnet(refs.one(written_subnet, [&](const NativeResource* c) { return net.subnet(c) != nullptr; })))
    return s;
  if (!written_subnet || !written_subnet->refs.empty()) return nullptr;
  std::string_view text = string_of(written_subnet);
  if (text.empty()) return nullptr;
  std::string_view name = text.substr(text.rfind('/') + 1);
  const Subnet* found = nullptr;
  for (const Subnet& s : net.subnets) {
    if (s.cloud != Cloud::Gcp || string_of(s.resource->body.get("name")) != name) continue;
    if (found) return nullptr;  // the same name in two regions: cannot tell
    found = &s;
  }
  return found;
}

const NetworkConnector* connector_for(const RefResolver& refs, const Network& net, const Value* v) {
  for (const RefTarget& t : refs.targets(v))
    for (const auto& c : net.connectors)
      if (c.resource == t.resource) return &c;
  // A literal id or name ("projects/p/locations/r/connectors/NAME"): the connector named so.
  std::string_view text = string_of(v);
  if (text.empty()) return nullptr;
  std::string_view name = text.substr(text.rfind('/') + 1);
  for (const auto& c : net.connectors)
    if (string_of(c.resource->body.get("name")) == name) return &c;
  return nullptr;
}

// The NATs that translate a subnet, and whether that is known.
void add_nats(const Network& net, const Subnet* s, const Vpc* vpc, const Value* region, FunctionNetwork& fn_net) {
  for (const NatGateway& nat : net.nat_gateways) {
    if (nat.cloud == Cloud::Aws) continue;
    bool serves = s ? std::find(nat.client_subnets.begin(), nat.client_subnets.end(), s) != nat.client_subnets.end()
                    : nat.serves_every_subnet && nat.vpc == vpc && vpc &&
                          (!is_known_string(region) || !is_known_string(nat.region) || region->text == nat.region->text);
    if (!nat.clients_known && nat.vpc == vpc) fn_net.known = false;
    if (serves && std::find(fn_net.nats.begin(), fn_net.nats.end(), &nat) == fn_net.nats.end()) fn_net.nats.push_back(&nat);
  }
}

void attach(const RefResolver& refs, Model& model, const Function& fn, const AttachmentRow& row) {
  const NativeResource& r = *fn.resource;
  Network& net = model.network;
  const Value* connector = read(r, row, row.connector);
  std::vector<const Value*> interfaces = interfaces_of(r, row);
  // Annotations the code cannot know may attach the service anywhere, with any egress.
  const Value* annotations = row.annotations.empty() ? nullptr : at_path(r.body, row.annotations);
  bool unknown_annotations = annotations && annotations->is_unknown();
  if (!written(connector) && interfaces.empty() && !unknown_annotations) return;

  FunctionNetwork& fn_net = net.functions.emplace_back();
  fn_net.function = &fn;
  fn_net.all_traffic = false;
  fn_net.known = true;
  if (unknown_annotations) {
    fn_net.attachment = annotations->where.valid() ? annotations->where : r.declaration;
    fn_net.all_traffic_known = false;
    fn_net.known = false;
    fn_net.egress = Egress::Unknown;
    return;
  }
  if (written(connector)) {
    set_egress(fn_net, read(r, row, row.egress));
    fn_net.attachment = connector->where.valid() ? connector->where : r.declaration;
    fn_net.connector = connector_for(refs, net, connector);
    if (!fn_net.connector) {
      fn_net.known = false;
    } else {
      fn_net.vpc = fn_net.connector->vpc;
      if (fn_net.connector->subnet) fn_net.subnets.push_back({connector, fn_net.connector->subnet});
      add_nats(net, fn_net.connector->subnet, fn_net.vpc, fn_net.connector->region, fn_net);
    }
  } else {
    set_egress(fn_net, row.interface_egress.empty() ? read(r, row, row.egress) : at_path(r.body, row.interface_egress));
    fn_net.attachment = interfaces.front()->where.valid() ? interfaces.front()->where : r.declaration;
  }
  for (const Value* block : interfaces) {
    const Value* written_subnet = at_path(block, kInterfaceSubnet);
    const Subnet* s = interface_subnet(refs, net, written_subnet);
    if (!s) {
      fn_net.known = false;
      continue;
    }
    fn_net.subnets.push_back({written_subnet, s});
    if (!fn_net.vpc) fn_net.vpc = s->vpc;
    add_nats(net, s, s->vpc, s->region, fn_net);
  }
  if (!fn_net.vpc) fn_net.known = false;
  fn_net.egress = !fn_net.known ? Egress::Unknown : fn_net.nats.empty() ? Egress::None : Egress::Nat;
}

}  // namespace

void attach_functions_to_subnets(const RefResolver& refs, Model& model) {
  for (const Function& fn : model.functions)
    for (const auto& row : kAttachments)
      if (row.type == fn.resource->type) attach(refs, model, fn, row);
}

}  // namespace eph
