// HTTP-triggered functions declared inside a function app (Azure Functions): each HTTP
// trigger binding becomes an API route of the app, with its authLevel as the authorization.
// The app's own authentication (App Service "Easy Auth") guards every route when it is on.
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct HttpTriggerRow {
  std::string_view type;
  std::string_view app;       // the function app the function belongs to
  std::string_view config;    // function.json as a JSON string (jsonencode or literal)
  std::string_view bindings;  // inside the config
};
constexpr HttpTriggerRow kHttpTriggers[] = {
    {.type = "azurerm_function_app_function", .app = "function_app_id", .config = "config_json", .bindings = "bindings"},
};

// App Service authentication on the app. It guards the functions only when it turns away
// unauthenticated requests: `auth_settings_v2` with auth_enabled and require_authentication
// (both default to false), or the legacy `auth_settings` enabled with an unauthenticated
// action other than AllowAnonymous.
enum class AppAuth { Off, On, Unknown };

// A flag's state: true, false (or absent), or unknown.
AppAuth flag(const Value* v) {
  if (!v || v->is_null()) return AppAuth::Off;
  if (v->kind != Kind::Bool) return AppAuth::Unknown;
  return v->boolean ? AppAuth::On : AppAuth::Off;
}

AppAuth both(AppAuth a, AppAuth b) {
  if (a == AppAuth::Off || b == AppAuth::Off) return AppAuth::Off;
  return a == AppAuth::On && b == AppAuth::On ? AppAuth::On : AppAuth::Unknown;
}

const Value* block_of(const NativeResource& app, std::string_view name) {
  const Value* block = at_path(app.body, name);
  if (!block || block->is_null() || (block->is_list() && block->items.empty())) return nullptr;
  return block;
}

AppAuth app_authentication(const NativeResource& app) {
  if (const Value* v2 = block_of(app, "auth_settings_v2")) {
    if (v2->is_unknown()) return AppAuth::Unknown;
    return both(flag(at_path(v2, "auth_enabled")), flag(at_path(v2, "require_authentication")));
  }
  if (const Value* v1 = block_of(app, "auth_settings")) {
    if (v1->is_unknown()) return AppAuth::Unknown;
    const Value* action = at_path(v1, "unauthenticated_client_action");
    AppAuth enforced = !action || action->is_null()      ? AppAuth::On
                       : !action->is_string()            ? AppAuth::Unknown
                       : action->text == "AllowAnonymous" ? AppAuth::Off
                                                          : AppAuth::On;
    return both(flag(at_path(v1, "enabled")), enforced);
  }
  return AppAuth::Off;
}

constexpr std::string_view kAzureFix =
    "set authLevel to \"function\" (a function key) or turn on App Service authentication (auth_settings_v2 with "
    "require_authentication) on the app";

void add_triggers(const NativeResource& r, const HttpTriggerRow& row, Model& model) {
  const Value* config = at_path(r.body, row.config);
  if (!config || !config->decoded) return;
  const Function* app = model.function_for(at_path(r.body, row.app));
  if (!app) return;  // the app is not in the code: its authentication cannot be seen
  AppAuth auth = app_authentication(*app->resource);
  if (auth == AppAuth::On) return;
  for (const Value* binding : list_items(at_path(*config->decoded, row.bindings))) {
    if (!binding->is_map() || string_of(binding->get("type")) != "httpTrigger") continue;
    const Value* level = binding->get("authLevel");
    if (!level) continue;  // the default is "function": a key is required
    ApiRoute route;
    route.resource = &r;
    route.function = app;
    route.label = "HTTP trigger";
    route.authorization = level;
    route.authorization_unknown = auth == AppAuth::Unknown;
    route.open_authorization = "anonymous";
    route.authorization_word = "authLevel";
    route.fix = kAzureFix;
    route.range = binding->where.valid() ? binding->where : r.declaration;
    route.api = app->resource;
    model.api_routes.push_back(std::move(route));
  }
}

}  // namespace

void lower_http_triggers(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources)
    for (const auto& row : kHttpTriggers)
      if (row.type == r.type) add_triggers(r, row, model);
}

}  // namespace eph
