#include "lsp/json_rpc.h"

namespace eph::lsp {

const nlohmann::json& require_field(const nlohmann::json& object, const char* key, nlohmann::json::value_t type) {
  if (!object.is_object()) throw RpcError(kInvalidParams, std::string("expected an object holding '") + key + "'");
  auto it = object.find(key);
  if (it == object.end()) throw RpcError(kInvalidParams, std::string("missing '") + key + "'");
  bool ok = it->type() == type ||
            (type == nlohmann::json::value_t::number_integer && it->is_number_integer());
  if (!ok) {
    throw RpcError(kInvalidParams, std::string("'") + key + "' must be " + nlohmann::json(type).type_name() +
                                       ", not " + it->type_name());
  }
  return *it;
}

const std::string& require_string(const nlohmann::json& object, const char* key) {
  return require_field(object, key, nlohmann::json::value_t::string).get_ref<const std::string&>();
}

const nlohmann::json& require_object(const nlohmann::json& object, const char* key) {
  return require_field(object, key, nlohmann::json::value_t::object);
}

}  // namespace eph::lsp
