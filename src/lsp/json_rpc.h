#pragma once
// JSON-RPC 2.0 as LSP uses it: error codes, and the error a handler throws to answer one.
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace eph::lsp {

enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestCancelled = -32800,
};

// Thrown by a handler; the dispatcher turns it into an error response.
struct RpcError : std::runtime_error {
  int code;
  RpcError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

inline nlohmann::json response(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

inline nlohmann::json error_response(const nlohmann::json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

inline nlohmann::json notification(const std::string& method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// Typed access to request parameters: a missing or mistyped field is InvalidParams.
const nlohmann::json& require_field(const nlohmann::json& object, const char* key, nlohmann::json::value_t type);
const std::string& require_string(const nlohmann::json& object, const char* key);
const nlohmann::json& require_object(const nlohmann::json& object, const char* key);

}  // namespace eph::lsp
