#pragma once
// Decides whether a literal in a function's environment is a secret: a known credential
// format whatever its name, a value that is a credential next to its partner (an AWS
// secret key beside its access key id), or a secret-looking value under a secret-looking
// name. Knows nothing of Terraform or CloudFormation; EPH301 and EPH302 share it.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace eph::secrets {

struct DetectorOptions {
  std::vector<std::string> secret_names;    // extra names whose values are secrets ("encryption_key")
  std::vector<std::string> allowed_values;  // literals never reported (a team's known test value)
};

struct Detection {
  std::string what;        // "GitHub token", "password", "AWS secret access key"
  bool by_format = false;  // recognised by its format, not only by its name
};

struct EnvEntry {
  std::string_view name;
  std::string_view value;
};

class SecretDetector {
 public:
  explicit SecretDetector(const DetectorOptions& options = {});

  // One verdict per entry, each judged with its neighbours in the same environment.
  std::vector<std::optional<Detection>> scan(const std::vector<EnvEntry>& environment) const;
  // One value on its own.
  std::optional<Detection> classify(std::string_view name, std::string_view value) const;

 private:
  struct Neighbours {
    bool aws_access_key_id = false;
    bool twilio_account_sid = false;
  };
  std::optional<Detection> classify(std::string_view name, std::string_view value, const Neighbours& near,
                                    int depth) const;
  std::optional<Detection> classify_json(std::string_view value, const Neighbours& near, int depth) const;

  std::vector<std::vector<std::string>> extra_names_;
  std::set<std::string, std::less<>> allowed_;
};

}  // namespace eph::secrets
