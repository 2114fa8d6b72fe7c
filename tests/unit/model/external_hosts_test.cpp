#include <doctest/doctest.h>

#include "model/external_hosts.h"

using namespace eph;

TEST_CASE("hosts of URLs and host-like values") {
  CHECK(host_of("https://api.stripe.com/v1", false) == "api.stripe.com");
  CHECK(host_of("postgres://user:pw@DB.example.com:5432/app", false) == "db.example.com");
  CHECK(host_of("http://[::1]:8080/", false) == "::1");
  CHECK(host_of("api.example.com", true) == "api.example.com");
  CHECK(host_of("api.example.com", false).empty());
  CHECK(host_of("handler.main", true).empty() == false);  // a name could be a host: the variable name decides
  CHECK(host_of("orders", true).empty());
  CHECK(host_of("/app/prod/db", true).empty());
}

TEST_CASE("object-store URIs name the store's API, not a host") {
  CHECK(host_in_value("s3://archive/out/", "ARCHIVE_URI") == "s3.amazonaws.com");
  CHECK(host_in_value("s3a://lake/raw", "PATH") == "s3.amazonaws.com");
  CHECK(host_in_value("gs://reports/daily/", "REPORTS_BUCKET") == "storage.googleapis.com");
  CHECK(is_google_api_host(host_in_value("gs://reports", "BUCKET")));
  CHECK(reach_of_host(host_in_value("s3://archive", "BUCKET")) == HostReach::AwsEndpoint);
  CHECK(host_in_value("https://gs.example.com/x", "URL") == "gs.example.com");
}

TEST_CASE("AWS service and private hosts are not external") {
  CHECK(is_aws_service_host("sqs.eu-west-1.amazonaws.com"));
  CHECK(is_aws_service_host("abc.lambda-url.eu-west-1.on.aws"));
  CHECK_FALSE(is_aws_service_host("d111.cloudfront.net"));
  CHECK(is_private_host("10.0.0.5"));
  CHECK(is_private_host("172.20.1.1"));
  CHECK_FALSE(is_private_host("172.32.1.1"));
  CHECK(is_private_host("db.internal"));
  CHECK_FALSE(is_private_host("8.8.8.8"));
}

TEST_CASE("external hosts of a function's environment") {
  Value url = Value::string_of("https://hooks.example.com/in");
  Value table = Value::string_of("orders");
  Value sqs = Value::string_of("https://sqs.us-east-1.amazonaws.com/1/q");
  Value host = Value::string_of("payments.partner.io");
  Function fn;
  fn.environment = {EnvVar{"WEBHOOK", {}, &url}, EnvVar{"TABLE", {}, &table}, EnvVar{"QUEUE_URL", {}, &sqs},
                    EnvVar{"PARTNER_HOST", {}, &host}};
  auto hosts = external_hosts(fn);
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0].host == "hooks.example.com");
  CHECK(hosts[1].host == "payments.partner.io");
}
