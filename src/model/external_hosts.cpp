#include "model/external_hosts.h"

#include <algorithm>
#include <cctype>

namespace eph {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// Variable names whose value is a bare host name ("DB_HOST=api.example.com").
bool host_like_name(std::string_view name) {
  std::string n = upper(name);
  for (std::string_view suffix : {"HOST", "HOSTNAME", "ENDPOINT", "DOMAIN", "URL", "URI", "SERVER"})
    if (n.ends_with(suffix)) return true;
  return false;
}

bool looks_like_dns_name(std::string_view s) {
  if (s.size() < 4 || s.find('.') == std::string_view::npos) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  std::string_view tld = s.substr(s.rfind('.') + 1);
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

constexpr std::string_view kPublicOnlyAwsHosts[] = {".on.aws", ".execute-api.", ".cloudfront.net", ".appsync-api."};
constexpr std::string_view kCommonTlds[] = {"com", "net", "org", "io", "dev", "app", "ai", "co", "cloud",
                                            "info", "biz", "us", "uk", "de", "eu", "me", "tech", "xyz"};

struct ObjectStoreScheme {
  std::string_view scheme, api;
};
constexpr ObjectStoreScheme kObjectStoreSchemes[] = {
    {"s3://", "s3.amazonaws.com"}, {"s3a://", "s3.amazonaws.com"}, {"s3n://", "s3.amazonaws.com"},
    {"gs://", "storage.googleapis.com"}};

}  // namespace

HostReach reach_of_host(std::string_view host) {
  if (host.empty() || is_private_host(host)) return HostReach::Private;
  for (auto d : kPublicOnlyAwsHosts)
    if (host.find(d) != std::string_view::npos) return HostReach::AwsPublic;
  if (is_aws_service_host(host)) return HostReach::AwsEndpoint;
  return HostReach::Outside;
}

std::string host_in_value(std::string_view value, std::string_view variable_name) {
  // Object-store URIs name a bucket, not a host: the calls go to the store's API.
  for (const auto& [scheme, api] : kObjectStoreSchemes)
    if (value.starts_with(scheme)) return std::string(api);
  std::string host = host_of(value, host_like_name(variable_name));
  if (!host.empty() || value.find("://") != std::string_view::npos) return host;
  // A bare host name with a common top-level domain, whatever the variable is called.
  if (!looks_like_dns_name(value)) return {};
  std::string tld = upper(value.substr(value.rfind('.') + 1));
  for (auto t : kCommonTlds)
    if (tld == upper(t)) return host_of(value, true);
  return {};
}

std::string host_of(std::string_view value, bool host_like) {
  size_t scheme = value.find("://");
  std::string_view rest;
  if (scheme != std::string_view::npos && scheme > 0) {
    rest = value.substr(scheme + 3);
  } else if (host_like && looks_like_dns_name(value)) {
    rest = value;
  } else {
    return {};
  }
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    authority = authority.substr(1, close == std::string_view::npos ? authority.size() - 1 : close - 1);
  } else if (size_t colon = authority.find(':'); colon != std::string_view::npos) {
    authority = authority.substr(0, colon);
  }
  std::string host(authority);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

bool is_aws_service_host(std::string_view host) {
  return host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn") || host.ends_with(".api.aws") ||
         host.ends_with(".on.aws") || host == "amazonaws.com";
}

bool is_google_api_host(std::string_view host) { return host.ends_with(".googleapis.com") || host == "googleapis.com"; }

const EnvVar* internet_host_beyond_google(const Function& fn, bool& known) {
  known = fn.environment_known && !fn.inline_code;
  for (const auto& var : fn.environment) {
    if (!var.value) continue;
    if (var.value->is_unknown() && var.value->refs.empty()) known = false;
    if (var.value->kind != Kind::String) continue;
    std::string host = host_in_value(var.value->text, var.name);
    if (!host.empty() && !is_private_host(host) && !is_google_api_host(host)) return &var;
  }
  return nullptr;
}

bool is_private_host(std::string_view host) {
  if (host == "localhost" || host.ends_with(".local") || host.ends_with(".internal") || host.ends_with(".localhost") ||
      host.ends_with(".localdomain") || host.ends_with(".svc") || host.ends_with(".lan"))
    return true;
  if (host.find_first_not_of("0123456789.") == std::string_view::npos) {
    return host.rfind("10.", 0) == 0 || host.rfind("127.", 0) == 0 || host.rfind("192.168.", 0) == 0 ||
           host.rfind("169.254.", 0) == 0 ||
           (host.rfind("172.", 0) == 0 && [&] {
             int second = std::atoi(std::string(host.substr(4)).c_str());
             return second >= 16 && second <= 31;
           }());
  }
  // IPv6 unique local addresses (fc00::/7); a DNS name such as "fcm.googleapis.com" is not one.
  bool ipv6 = host.find(':') != std::string_view::npos;
  return host == "::1" || (ipv6 && (host.rfind("fd", 0) == 0 || host.rfind("fc", 0) == 0));
}

std::vector<ExternalHost> external_hosts(const Function& fn) {
  std::vector<ExternalHost> out;
  for (const auto& var : fn.environment) {
    if (!var.value || var.value->kind != Kind::String) continue;
    std::string host = host_in_value(var.value->text, var.name);
    if (reach_of_host(host) != HostReach::Outside) continue;
    out.push_back(ExternalHost{&var, std::move(host)});
  }
  return out;
}

}  // namespace eph
