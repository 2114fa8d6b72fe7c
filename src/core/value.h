#pragma once
// Positioned values: what the front-ends produce and the semantic model reads.
// A value is known (null, bool, number, string, list, map) or Unknown; a key that
// is not there is absent (lookups return nullptr). Rules never fire on Unknown.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace eph {

enum class Kind : uint8_t { Null, Bool, Number, String, List, Map, Unknown };

// Marks travel with a value through variables, locals, functions and templates.
enum Mark : uint8_t {
  kSensitive = 1 << 0,    // Terraform `sensitive` input/attribute, CloudFormation NoEcho parameter
  kSecretValue = 1 << 1,  // the decrypted content of a secret store (secret_string, SecureString value, random_password)
  kSecretRef = 1 << 2,    // a dynamic reference that CloudFormation resolves to a secret ({{resolve:secretsmanager:..}})
  kStoreValue = 1 << 3,   // a parameter-store value resolved at deploy time, decrypted if it is a SecureString
                          // (the Serverless Framework's ${ssm:...}): a secret when its name says so
};

// A graph edge: the value derives from another resource (or data source) of the same unit.
struct Ref {
  std::string address;    // "aws_iam_role.exec", "module.net.aws_subnet.private[0]", CloudFormation logical id
  std::string attribute;  // "arn", "id", "Arn"; empty for a plain Ref
  Range where;            // where the reference is written
};

struct Field;

struct Value {
  Kind kind = Kind::Null;
  uint8_t marks = 0;
  bool boolean = false;
  double number = 0;
  std::string text;            // String; for Unknown, why it is unknown (for inspect output)
  std::vector<Value> items;    // List, tuple or set
  std::vector<Field> fields;   // Map, object or block, in source order
  Range where;                 // where the value was written (a literal, a default, a tfvars line)
  std::vector<Ref> refs;       // resources this value was computed from
  // A string that encodes a document (jsonencode(...), a JSON policy string): the decoded
  // document, positioned where its parts were written. Null when not decodable.
  std::shared_ptr<const Value> decoded;

  // Constructors for the common cases.
  static Value null(Range where = {});
  static Value unknown(Range where = {}, std::string why = {});
  static Value boolean_of(bool b, Range where = {});
  static Value number_of(double n, Range where = {});
  static Value string_of(std::string s, Range where = {});
  static Value list(Range where = {});
  static Value map(Range where = {});

  bool is_known() const { return kind != Kind::Unknown; }
  bool is_unknown() const { return kind == Kind::Unknown; }
  bool is_null() const { return kind == Kind::Null; }
  bool is_string() const { return kind == Kind::String; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_list() const { return kind == Kind::List; }
  bool has_mark(Mark m) const { return (marks & m) != 0; }
  // True if this value or anything inside it is Unknown.
  bool contains_unknown() const;

  // Map lookup (exact key); nullptr when absent or not a map.
  const Value* get(std::string_view key) const;
  Value* get(std::string_view key);
  const Field* field(std::string_view key) const;
  // Adds or replaces a key, keeping the first position of the key.
  Value& set(std::string key, Value value, Range key_range = {});

  // Walks "a/b/c": map keys; numeric segments index lists; a list met where a key is
  // expected is entered at its first element (Terraform blocks are lists of maps).
  const Value* at(std::string_view path) const;

  // Readable rendering for messages and `inspect` (short; not JSON).
  std::string display() const;
};

struct Field {
  std::string key;
  Range key_range;
  Value value;
};

}  // namespace eph
