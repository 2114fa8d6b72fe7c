// The value-producing intrinsic functions. Each evaluates when its inputs are known and
// otherwise returns an Unknown that keeps the inputs' graph edges and marks.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "cloudformation/json_documents.h"
#include "core/ip_address.h"
#include "core/partly_known.h"
#include "cloudformation/template_evaluator.h"

namespace eph::cloudformation {
namespace {

void collect_provenance(const Value& from, std::vector<Ref>& refs, uint8_t& marks) {
  marks |= from.marks;
  refs.insert(refs.end(), from.refs.begin(), from.refs.end());
  for (const auto& item : from.items) collect_provenance(item, refs, marks);
  for (const auto& f : from.fields) collect_provenance(f.value, refs, marks);
}

const std::string kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kBase64Alphabet[(n >> s) & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t n = uint8_t(in[i]) << 16;
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kBase64Alphabet[(n >> 18) & 63];
    out += kBase64Alphabet[(n >> 12) & 63];
    out += kBase64Alphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<long long> integer_of(const Value& v) {
  auto text = scalar_text(v);
  if (!text || text->empty()) return std::nullopt;
  char* end = nullptr;
  long long n = std::strtoll(text->c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return n;
}

bool parse_ipv4_cidr(const std::string& s, uint32_t& address, int& prefix) {
  auto p = parse_ip_prefix(s);
  if (!p || p->v6) return false;
  address = static_cast<uint32_t>(p->address);
  prefix = p->bits;
  return true;
}

void json_escape(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void to_json(std::string& out, const Value& v) {
  switch (v.kind) {
    case Kind::Null: out += "null"; break;
    case Kind::Bool: out += v.boolean ? "true" : "false"; break;
    case Kind::Number: out += v.display(); break;
    case Kind::String: json_escape(out, v.text); break;
    case Kind::List:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ',';
        to_json(out, v.items[i]);
      }
      out += ']';
      break;
    case Kind::Map:
      out += '{';
      for (size_t i = 0; i < v.fields.size(); ++i) {
        if (i) out += ',';
        json_escape(out, v.fields[i].key);
        out += ':';
        to_json(out, v.fields[i].value);
      }
      out += '}';
      break;
    case Kind::Unknown: break;
  }
}

}  // namespace

Value unknown_from(const std::vector<const Value*>& parts, Range where, std::string why) {
  Value v = Value::unknown(where, std::move(why));
  for (const Value* p : parts)
    if (p) collect_provenance(*p, v.refs, v.marks);
  return v;
}

void absorb_provenance(Value& to, const Value& from) { collect_provenance(from, to.refs, to.marks); }

std::optional<std::string> scalar_text(const Value& v) {
  switch (v.kind) {
    case Kind::String: return v.text;
    case Kind::Number: return v.display();
    case Kind::Bool: return std::string(v.boolean ? "true" : "false");
    default: return std::nullopt;
  }
}

namespace {

// {{resolve:secretsmanager:id:SecretString:username}} selects a field that is not secret.
bool selects_plain_field(std::string_view reference) {
  constexpr std::string_view kSecretString = ":SecretString:";
  size_t at = reference.find(kSecretString);
  if (at == std::string_view::npos) return false;
  std::string_view key = reference.substr(at + kSecretString.size());
  key = key.substr(0, std::min(key.find(':'), key.find("}}")));
  std::string lower(key);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kPlain[] = {"username", "user", "user_name", "host", "hostname", "port",
                                                "dbname", "database", "engine", "dbinstanceidentifier",
                                                "dbclusteridentifier", "clientid", "client_id"};
  return std::find(std::begin(kPlain), std::end(kPlain), lower) != std::end(kPlain);
}

}  // namespace

uint8_t dynamic_reference_marks(std::string_view text) {
  for (size_t pos = text.find("{{resolve:"); pos != std::string_view::npos; pos = text.find("{{resolve:", pos + 1)) {
    // A fragment without its closing braces is not a reference yet (Fn::Join pieces); the joined text is judged.
    size_t end = text.find("}}", pos);
    if (end == std::string_view::npos) break;
    std::string_view reference = text.substr(pos, end + 2 - pos);
    if (reference.rfind("{{resolve:ssm-secure:", 0) == 0) return kSecretRef;
    if (reference.rfind("{{resolve:secretsmanager:", 0) == 0 && !selects_plain_field(reference)) return kSecretRef;
  }
  return 0;
}

Value TemplateEvaluator::sub(const Value& arg, const Value& node) {
  const Value* format = &arg;
  std::optional<Value> vars;
  if (arg.is_list()) {
    if (arg.items.empty()) return Value::unknown(node.where, "malformed Fn::Sub");
    format = &arg.items[0];
    if (arg.items.size() > 1) vars = eval(arg.items[1]);
  }
  if (!format->is_string()) {
    auto f = eval(*format);
    return unknown_from({f ? &*f : nullptr}, node.where, "Fn::Sub with a computed format");
  }
  const std::string& text = format->text;
  std::string out;
  std::string document;  // `out` with unknown pieces as hole markers, for JSON documents
  std::vector<std::pair<std::string, size_t>> holes;  // name, index into pieces
  std::vector<Value> pieces;  // looked-up values, for provenance
  bool known = true;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out.append(text, i, std::string::npos);
      document.append(text, i, std::string::npos);
      break;
    }
    out.append(text, i, open - i);
    document.append(text, i, open - i);
    size_t close = text.find('}', open + 2);
    if (close == std::string::npos) {
      out.append(text, open, std::string::npos);
      document.append(text, open, std::string::npos);
      break;
    }
    std::string name = text.substr(open + 2, close - open - 2);
    i = close + 1;
    if (!name.empty() && name[0] == '!') {  // ${!Literal} writes ${Literal}
      out += "${" + name.substr(1) + "}";
      document += "${" + name.substr(1) + "}";
      continue;
    }
    // Trim the spaces CloudFormation tolerates inside ${ }.
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    auto v = lookup_variable(name, vars && vars->is_map() ? &*vars : nullptr, node);
    auto piece = v ? scalar_text(*v) : std::optional<std::string>(std::string());
    if (v && v->is_known() && piece) {
      out += *piece;
      document += *piece;
    } else {
      known = false;
      out += "${" + name + "}";
      document += hole_marker(holes.size());
      holes.emplace_back(name, v ? pieces.size() : SIZE_MAX);
    }
    if (v) pieces.push_back(std::move(*v));
  }
  std::vector<const Value*> parts;
  for (const auto& p : pieces) parts.push_back(&p);
  if (!known) {
    // The reference is written in the format itself: it resolves to a secret whatever the variables hold.
    Value result = partly_known(node.where, out);
    for (const Value* p : parts) absorb_provenance(result, *p);
    result.marks |= dynamic_reference_marks(text);
    if (may_hold_json_document(document)) {
      std::vector<DocumentHole> document_holes;
      for (const auto& [hole_name, index] : holes)
        document_holes.push_back(DocumentHole{hole_name, index < pieces.size() ? &pieces[index] : nullptr});
      result.decoded = decode_json_document(document, node.where, document_holes);
    }
    return result;
  }
  Value result = Value::string_of(std::move(out), node.where);
  for (const Value* p : parts) absorb_provenance(result, *p);
  result.marks |= dynamic_reference_marks(result.text);
  result.decoded = decode_json_document(result.text, node.where);
  return result;
}

std::optional<Value> TemplateEvaluator::lookup_variable(std::string_view name, const Value* vars, const Value& node) {
  if (vars) {
    if (const Value* v = vars->get(name)) return *v;
  }
  size_t dot = name.find('.');
  if (dot != std::string_view::npos && is_resource(name.substr(0, dot))) {
    std::string resource(name.substr(0, dot));
    std::string attribute(name.substr(dot + 1));
    Value v = Value::unknown(node.where, "GetAtt " + resource + "." + attribute);
    v.refs.push_back(Ref{resource, attribute, node.where});
    v.marks |= secret_attribute_marks(resource, attribute);
    return v;
  }
  Value ref_node = Value::map(node.where);
  ref_node.fields.push_back(Field{"Ref", node.where, Value::string_of(std::string(name), node.where)});
  return ref(ref_node.fields[0].value, ref_node);
}

Value TemplateEvaluator::join(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() != 2) return Value::unknown(node.where, "malformed Fn::Join");
  auto delimiter = eval(arg.items[0]);
  auto list = eval(arg.items[1]);
  std::vector<const Value*> parts = {delimiter ? &*delimiter : nullptr, list ? &*list : nullptr};
  auto delim = delimiter ? scalar_text(*delimiter) : std::nullopt;
  if (!delim || !list || !list->is_list()) return unknown_from(parts, node.where, "Fn::Join of unknown values");
  // ["{{resolve:secretsmanager:", !Ref Secret, ":SecretString:password}}"]: the literal pieces say it is a secret.
  auto unknown_join = [&] {
    std::string pattern;  // the literal pieces, unknown ones as "${...}"
    for (size_t i = 0; i < list->items.size(); ++i) {
      if (i) pattern += delim.value_or("");
      auto piece = scalar_text(list->items[i]);
      pattern += piece ? *piece : "${...}";
    }
    Value result = partly_known(node.where, pattern);
    for (const Value* p : parts)
      if (p) absorb_provenance(result, *p);
    result.marks |= dynamic_reference_marks(pattern);
    return result;
  };
  std::string out;
  for (size_t i = 0; i < list->items.size(); ++i) {
    auto piece = scalar_text(list->items[i]);
    if (!piece) return unknown_join();
    if (i) out += *delim;
    out += *piece;
  }
  Value result = Value::string_of(std::move(out), node.where);
  for (const Value* p : parts) absorb_provenance(result, *p);
  result.marks |= dynamic_reference_marks(result.text);
  result.decoded = decode_json_document(result.text, node.where);
  return result;
}

std::optional<Value> TemplateEvaluator::select(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() != 2) return Value::unknown(node.where, "malformed Fn::Select");
  auto index = eval(arg.items[0]);
  auto list = eval(arg.items[1]);
  auto n = index ? integer_of(*index) : std::nullopt;
  if (!n || !list || !list->is_list() || *n < 0 || static_cast<size_t>(*n) >= list->items.size()) {
    return unknown_from({index ? &*index : nullptr, list ? &*list : nullptr}, node.where, "Fn::Select of unknown values");
  }
  return list->items[static_cast<size_t>(*n)];
}

Value TemplateEvaluator::split(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() != 2) return Value::unknown(node.where, "malformed Fn::Split");
  auto delimiter = eval(arg.items[0]);
  auto source = eval(arg.items[1]);
  auto delim = delimiter ? scalar_text(*delimiter) : std::nullopt;
  auto text = source ? scalar_text(*source) : std::nullopt;
  if (!delim || delim->empty() || !text) {
    return unknown_from({delimiter ? &*delimiter : nullptr, source ? &*source : nullptr}, node.where,
                        "Fn::Split of unknown values");
  }
  Value result = Value::list(node.where);
  size_t start = 0;
  for (;;) {
    size_t at = text->find(*delim, start);
    Value piece = Value::string_of(text->substr(start, at == std::string::npos ? std::string::npos : at - start),
                                   node.where);
    piece.marks = source->marks;
    result.items.push_back(std::move(piece));
    if (at == std::string::npos) break;
    start = at + delim->size();
  }
  return result;
}

Value TemplateEvaluator::base64(const Value& arg, const Value& node) {
  auto source = eval(arg);
  auto text = source ? scalar_text(*source) : std::nullopt;
  if (!text) return unknown_from({source ? &*source : nullptr}, node.where, "Fn::Base64 of an unknown value");
  Value result = Value::string_of(base64_encode(*text), node.where);
  absorb_provenance(result, *source);
  return result;
}

Value TemplateEvaluator::cidr(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() != 3) return Value::unknown(node.where, "malformed Fn::Cidr");
  auto block = eval(arg.items[0]);
  auto count = eval(arg.items[1]);
  auto bits = eval(arg.items[2]);
  std::vector<const Value*> parts = {block ? &*block : nullptr, count ? &*count : nullptr, bits ? &*bits : nullptr};
  auto block_text = block ? scalar_text(*block) : std::nullopt;
  auto n = count ? integer_of(*count) : std::nullopt;
  auto host_bits = bits ? integer_of(*bits) : std::nullopt;
  uint32_t address = 0;
  int prefix = 0;
  if (!block_text || !n || !host_bits || !parse_ipv4_cidr(*block_text, address, prefix)) {
    return unknown_from(parts, node.where, "Fn::Cidr of unknown or IPv6 values");
  }
  const long long count_value = n.value_or(0), bits_value = host_bits.value_or(-1);
  const int subnet_prefix = 32 - static_cast<int>(bits_value);
  if (bits_value < 0 || subnet_prefix < prefix || count_value < 1 || count_value > 256 ||
      (static_cast<unsigned long long>(count_value) << bits_value) > (1ULL << (32 - prefix))) {
    return unknown_from(parts, node.where, "Fn::Cidr: the block cannot hold these subnets");
  }
  uint32_t network = prefix == 0 ? 0 : address & (~0u << (32 - prefix));
  Value result = Value::list(node.where);
  for (long long i = 0; i < count_value; ++i) {
    uint32_t a = network + static_cast<uint32_t>(i << bits_value);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u/%d", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255, subnet_prefix);
    result.items.push_back(Value::string_of(buf, node.where));
  }
  return result;
}

std::optional<Value> TemplateEvaluator::find_in_map(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() < 3) return Value::unknown(node.where, "malformed Fn::FindInMap");
  std::vector<Value> keys;
  for (size_t i = 0; i < 3; ++i) {
    auto k = eval(arg.items[i]);
    keys.push_back(k ? std::move(*k) : Value::unknown(arg.items[i].where, "AWS::NoValue"));
  }
  std::optional<Value> fallback;
  if (arg.items.size() > 3 && arg.items[3].is_map()) {
    if (const Value* d = arg.items[3].get("DefaultValue")) fallback = eval(*d);
  }
  std::vector<const Value*> parts = {&keys[0], &keys[1], &keys[2]};
  const Value* at = mappings_;
  for (const Value& k : keys) {
    auto text = scalar_text(k);
    if (!text) return unknown_from(parts, node.where, "Fn::FindInMap with an unknown key");
    at = at && at->is_map() ? at->get(*text) : nullptr;
  }
  if (!at) {
    if (fallback) return fallback;
    return Value::unknown(node.where, "Fn::FindInMap: no such entry");
  }
  return eval(*at);
}

std::optional<Value> TemplateEvaluator::if_function(const Value& arg, const Value& node) {
  if (!arg.is_list() || arg.items.size() != 3 || !arg.items[0].is_string()) {
    return Value::unknown(node.where, "malformed Fn::If");
  }
  Truth t = condition(arg.items[0].text);
  if (t == Truth::True) return eval(arg.items[1]);
  if (t == Truth::False) return eval(arg.items[2]);
  auto a = eval(arg.items[1]);
  auto b = eval(arg.items[2]);
  return unknown_from({a ? &*a : nullptr, b ? &*b : nullptr}, node.where,
                      "Fn::If on unknown condition " + arg.items[0].text);
}

Value TemplateEvaluator::to_json_string(const Value& arg, const Value& node) {
  auto v = eval(arg);
  if (!v || v->contains_unknown()) return unknown_from({v ? &*v : nullptr}, node.where, "Fn::ToJsonString of unknown values");
  std::string out;
  to_json(out, *v);
  Value result = Value::string_of(std::move(out), node.where);
  absorb_provenance(result, *v);
  result.decoded = std::make_shared<const Value>(std::move(*v));
  return result;
}

Value TemplateEvaluator::length(const Value& arg, const Value& node) {
  auto v = eval(arg);
  if (!v || !v->is_list()) return unknown_from({v ? &*v : nullptr}, node.where, "Fn::Length of an unknown list");
  return Value::number_of(static_cast<double>(v->items.size()), node.where);
}

}  // namespace eph::cloudformation
