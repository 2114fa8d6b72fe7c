// EPH301's detector, table driven: each row is a name, a value and what the detector
// must say ("" = not a secret). Positives cover every known format and the secret-looking
// names; negatives are the false positives other scanners are known for.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "secrets/secret_detector.h"

using namespace eph::secrets;

namespace {

struct Row {
  const char* name;
  std::string value;
  const char* expect;  // a fragment of Detection::what, or "" for "not a secret"
};

const std::string kJwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const std::string kJwtPayload = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";
const std::string kJwtSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const std::string kJwt = kJwtHeader + "." + kJwtPayload + "." + kJwtSignature;
const std::string kAnonPayload =
    "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3AiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMH0";
const std::string kServicePayload =
    "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3AiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwfQ";
const std::string kPem =
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2wOeA0f9kx8lPqN1mZ7v\n"
    "Rk4TgP0s9aLwq2cXb5nH8yJd3eF6gK7hL8iM9jN0kO1lP2mQ3nR4oS5pT6q\n-----END RSA PRIVATE KEY-----\n";
const std::string kHex32 = "9f86d081884c7d659a2feaa0c55ad015";
const std::string kTwilioSid = "AC" + kHex32;
const std::string kAwsSecret = "k7Qm2Rt9Vx4Bz8Lp1Nw6Hs3Jd5Fg0Ky2Ua9Ec7Zi";  // 40 chars, fake

const Row kRows[] = {
    // ---- known formats, whatever the name
    {"CONFIG", "AKIA2OGYBAH6STMMNXNN", "AWS access key id"},
    {"X", "ASIAY34FZKBOKMUTVV7A", "AWS access key id"},
    {"X", "creds=AKIA2OGYBAH6STMMNXNN;region=eu-west-1", "AWS access key id"},
    {"X", "AKIAIOSFODNN7EXAMPLE", ""},                     // AWS's documented example
    {"X", "AKIA2OGYBAH6STMMNX", ""},                       // too short
    {"X", "AKIA2OGYBAH6STMMNXNNQQ", ""},                   // too long
    {"X", "XAKIA2OGYBAH6STMMNXNN", ""},                    // not at a word start
    {"X", "ghp_0123456789abcdefghijABCDEFGHIJ012345", "GitHub token"},
    {"X", "gho_0123456789abcdefghijABCDEFGHIJ012345", "GitHub token"},
    {"X", "ghu_0123456789abcdefghijABCDEFGHIJ012345", "GitHub token"},
    {"X", "ghs_0123456789abcdefghijABCDEFGHIJ012345", "GitHub token"},
    {"X", "ghr_0123456789abcdefghijABCDEFGHIJ012345", "GitHub token"},
    {"X", "github_pat_11ABCDEFG0123456789_abcdefghijKLMNOPQRSTuvwxyz0123456789ABCDEFGHIJ", "GitHub token"},
    {"GITHUB_TOKEN", "ghp_your_token_here", ""},
    {"X", "ghp_short", ""},
    {"X", "glpat-Ab3dE6gH9jK2mN5pQ8sT", "GitLab token"},
    {"X", "glpat-xxxxxxxxxxxxxxxxxxxx", ""},
    {"X", "xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "Slack token"},
    {"X", "xoxp-1234567890-1234567890-1234567890123-0123456789abcdef0123456789abcdef", "Slack token"},
    {"X", "xoxa-2-1234567890-1234567890123-abcdefABCDEF0123", "Slack token"},
    {"X", "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef", "Slack token"},
    {"SLACK_TOKEN", "xoxb-your-bot-token", ""},
    {"HOOK", "https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/AbCdEfGhIjKlMnOpQrStUvWx", "Slack webhook"},
    {"HOOK", "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX", ""},
    {"STRIPE_KEY", "sk_live_51Habc0123456789", "Stripe secret key"},
    {"X", "rk_live_51Habc0123456789AbCdEf", "Stripe secret key"},
    {"X", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "Stripe secret key"},
    {"X", "whsec_0123456789abcdefABCDEF0123456789", "Stripe webhook"},
    {"STRIPE_PUBLISHABLE", "pk_live_51Habc0123456789AbCdEf", ""},  // publishable keys are public
    {"X", "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", "SendGrid"},
    {"X", "SG.short.short", ""},
    {"X", "SK" + kHex32, "Twilio API key"},
    {"TWILIO_ACCOUNT_SID", kTwilioSid, ""},  // an account id alone is not a secret
    {"X", "https://" + kTwilioSid + ":" + "0f1e2d3c4b5a69788796a5b4c3d2e1f0@api.twilio.com", "Twilio"},
    {"X", "AIzaSyD-0123456789abcdefghijABCDEFGHIJ0", "Google API key"},
    {"X", "AIzaShort", ""},
    {"X", kJwt, "JSON Web Token"},
    {"AUTH_HEADER", "Bearer " + kJwt, "JSON Web Token"},
    {"SUPABASE_ANON_KEY", kJwtHeader + "." + kAnonPayload + "." + kJwtSignature, ""},  // public by design
    {"SUPABASE_SERVICE_KEY", kJwtHeader + "." + kServicePayload + "." + kJwtSignature, "JSON Web Token"},
    {"X", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.notjson.abc", ""},
    {"X", "eyJ0eXAiOiJKV1QifQ." + kJwtPayload + "." + kJwtSignature, ""},  // header without alg
    {"X", kPem, "private key"},
    {"X", "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn\\n-----END OPENSSH PRIVATE KEY-----",
     "private key"},
    {"X", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", ""},
    {"CA_CERT", "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----", ""},
    // ---- URLs and connection strings
    {"DATABASE_URL", "postgres://app:Zq8vN2pL5wX@orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders", "embedded password"},
    {"MONGO", "mongodb+srv://admin:s3cr3tPa55@cluster0.ab1cd.mongodb.net/test?retryWrites=true", "embedded password"},
    {"REDIS_URL", "redis://:p4ssw0rdRedis@cache.internal:6379/0", "embedded password"},
    {"AMQP", "amqps://user:hunter2-prod@b-1234.mq.eu-west-1.amazonaws.com:5671", "embedded password"},
    {"X", "https://oauth2:glpat-Ab3dE6gH9jK2mN5pQ8sT@gitlab.com/group/repo.git", "GitLab token"},
    {"DATABASE_URL", "postgres://app@db.internal:5432/orders", ""},
    {"DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/orders", ""},
    {"DATABASE_URL", "postgres://postgres:postgres@localhost:5432/dev", ""},
    {"DATABASE_URL", "mysql://root:root@127.0.0.1:3306/app", ""},
    {"DATABASE_URL", "postgres://app:<password>@db.internal/orders", ""},
    {"DATABASE_URL", "postgresql://app:****@db.internal/orders", ""},
    {"API_URL", "https://api.example.com/v1", ""},
    {"QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", ""},
    {"SAS_URL", "https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&sp=r&se=2030-01-01&sig=Zx8%2Fk3QvLp2mN7rT0wY4a", "credential in its query"},
    {"WEBHOOK", "https://api.vendor.io/hook?api_key=9fK2mQ7xL0pR4tW8", "credential in its query"},
    {"PAGE", "https://app.vendor.io/page?id=12345&token_type=bearer", ""},
    {"DB_CONNECTION", "Server=tcp:sql.example.net,1433;Database=orders;User ID=app;Password=Vq7#kLm2pR9x;Encrypt=True;", "with a password"},
    {"ODBC", "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd={Vq7#kLm2pR9x};", "with a password"},
    {"PG", "host=db.internal port=5432 dbname=orders user=app password=Vq7kLm2pR9x", "with a password"},
    {"AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=ordersfn;AccountKey=q2XvN8pL5wZ0kR3tY7uB1mC4dF6gH9jK2lQ5sA8eW0rT3yU6iO9pA1sD4fG7hJ0kL3zX6cV9bN2mQ5wE8rT1y==;EndpointSuffix=core.windows.net", "account key"},
    {"SERVICEBUS", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Zk3Qv9Lp2mN7rT0wY4aB6cD8eF1gH3jK5lM7nP9qR0s=", "shared access key"},
    {"AzureWebJobsStorage", "UseDevelopmentStorage=true", ""},
    {"AzureWebJobsStorage", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;", ""},
    {"DB_CONNECTION", "Server=db;Database=orders;User ID=app;Password=;", ""},
    {"DB_CONNECTION", "Server=db;Database=orders;Integrated Security=true;", ""},
    {"AUTH_HEADER", "Basic ZGVwbG95OlRyMHViNGRvci0zeA==", "Basic"},
    {"AUTH_MODE", "Basic", ""},
    // ---- AWS secret keys and Twilio tokens in context
    {"AWS_SECRET_ACCESS_KEY", kAwsSecret, "AWS secret access key"},
    {"S3_UPLOAD", kAwsSecret, ""},  // 40 characters under a plain name, no access key nearby
    {"AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""},
    {"GIT_SHA", "3f786850e387550fdab836ed7e6dc881de23001b", ""},
    // ---- secret-looking names
    {"DB_PASSWORD", "hunter2-prod-7f3a", "password"},
    {"DB_PASSWORD", "hunter2", "password"},
    {"dbPassword", "Tr0ub4dor&3", "password"},
    {"db-passwd", "Tr0ub4dor&3", "password"},
    {"MYSQL_PWD", "Tr0ub4dor&3", "password"},
    {"DB_PASS", "Tr0ub4dor&3", "password"},
    {"DBPASSWORD", "Tr0ub4dor&3", "password"},
    {"ADMIN_PASSWORD2", "Tr0ub4dor&3", "password"},
    {"API_KEY", "4f9c2e7a1b8d3f6e0a5c9b2d", "API key"},
    {"apiKey", "4f9c2e7a1b8d3f6e0a5c9b2d", "API key"},
    {"APIKEY", "4f9c2e7a1b8d3f6e0a5c9b2d", "API key"},
    {"datadog.api-key", "4f9c2e7a1b8d3f6e0a5c9b2d", "API key"},
    {"AUTH_TOKEN", "tok_9Xk2Lm7Qp4Rz", "token"},
    {"SESSION_TOKEN", "3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f", "token"},
    {"PRIVATE_KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "private key"},
    {"ACCESS_KEY", "Zq8vN2pL5wXr", "access key"},
    {"CLIENT_SECRET", "mysupersecretclientvalue", "secret"},
    {"JWT_SECRET", "s1gn1ng-k3y-f0r-jwt", "secret"},
    {"SECRET_KEY", "django-insecure-7f3a9k2m", "secret key"},
    {"DB_SECRET", "Zq8vN2pL5wXr", "secret"},
    {"DB_CREDENTIALS", "app:Zq8vN2pL5wXr", "credential"},
    {"BASIC_AUTH", "Zq8vN2pL5wXr!", "credential"},
    {"STORAGE_ACCOUNT_KEY", "Zq8vN2pL5wXrT4yU", "account key"},
    {"NEW_RELIC_LICENSE_KEY", "0123456789abcdef0123456789abcdefNRAL", "license key"},
    {"CONFIG", "{\"username\":\"app\",\"password\":\"Zq8vN2pL5wXr\"}", "password"},
    // ---- names that merely mention a secret
    {"SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf", ""},
    {"SECRET_NAME", "prod/orders/db", ""},
    {"SECRET_ID", "Zq8vN2pL5wXr", ""},
    {"DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x", ""},
    {"TOKEN_URL", "https://auth.example.com/oauth2/token", ""},
    {"PASSWORD_MIN_LENGTH", "12", ""},
    {"AWS_CA_BUNDLE", "/etc/ssl/certs/ca-bundle.pem", ""},
    {"DB_PASSWORD_PARAMETER", "/app/prod/db-password", ""},
    {"PRIVATE_KEY_PATH", "/opt/keys/signing.pem", ""},
    {"API_KEY_FILE", "secrets/api.key", ""},
    {"AUTH_ENDPOINT", "https://login.example.com", ""},
    {"AUTH_TYPE", "AWS_IAM", ""},
    {"AUTH_MODE", "cognito", ""},
    {"TOKEN_TTL_SECONDS", "3600", ""},
    {"ACCESS_TOKEN_LIFETIME", "15m", ""},
    {"SECRETS_EXTENSION_HTTP_PORT", "2773", ""},
    {"AUTHOR", "Zq8vN2pL5wXr", ""},
    {"TOKENIZER", "Zq8vN2pL5wXr", ""},
    {"PASSWORD_RESET_URL", "https://app.example.com/reset", ""},
    {"AUTH0_DOMAIN", "tenant.eu.auth0.com", ""},
    {"KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab", ""},
    {"S3_KEY", "uploads/2024/report.csv", ""},
    {"PARTITION_KEY", "tenantId", ""},
    // ---- values that are not secrets under secret names
    {"DB_PASSWORD", "", ""},
    {"DB_PASSWORD", "   ", ""},
    {"API_TOKEN", "true", ""},
    {"API_TOKEN", "false", ""},
    {"DB_PASSWORD", "12345678", ""},
    {"DB_PASSWORD", "/app/prod/db-password", ""},
    {"DB_PASSWORD", "arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/db-password", ""},
    {"DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}", ""},
    {"DB_PASSWORD", "{{resolve:ssm-secure:/app/db-password:1}}", ""},
    {"DB_PASSWORD", "${DB_PASSWORD}", ""},
    {"DB_PASSWORD", "${ssm:/app/prod/db-password}", ""},
    {"DB_PASSWORD", "$DB_PASSWORD", ""},
    {"DB_PASSWORD", "%DB_PASSWORD%", ""},
    {"DB_PASSWORD", "@Microsoft.KeyVault(VaultName=orders-kv;SecretName=db-password)", ""},
    {"DB_PASSWORD", "@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/db/)", ""},
    {"DB_PASSWORD", "changeme", ""},
    {"DARK_SKY_API_KEY", "abc123", ""},
    {"API_TOKEN", "123456", ""},
    {"Password", "REPLACED", ""},
    {"executionToken", "$context.requestId", ""},
    {"token", "$$.Task.Token", ""},
    {"PASSWORD_HASH", "$2b$12$KIXQJ8fJrPq5wQ1Yk6n5ce8R9pJ0mQ3vZ2sT7uW4xY6aB8cD0eF1g", "password"},
    {"DB_PASSWORD", "CHANGE_ME", ""},
    {"DB_PASSWORD", "xxx", ""},
    {"DB_PASSWORD", "xxxxxxxxxxxx", ""},
    {"DB_PASSWORD", "********", ""},
    {"API_TOKEN", "<your-token>", ""},
    {"API_TOKEN", "your-api-token-here", ""},
    {"API_TOKEN", "REPLACE_ME", ""},
    {"API_TOKEN", "placeholder-token-value", ""},
    {"DB_PASSWORD", "orders-db-password", ""},
    {"GITHUB_TOKEN", "github-token", ""},
    {"DB_PASSWORD", "pass", ""},
    {"API_KEY", "none", ""},
    {"SECRET", "orders", ""},
    {"DB_SECRET", "orders-db-credentials", ""},
    {"DB_CREDENTIALS", "prod/orders/db", ""},
    {"AUTH", "iam", ""},
    {"AUTH", "oauth2", ""},
    {"TOKEN", "abc", ""},
    {"PRIVATE_KEY", "/etc/ssl/private/server.key", ""},
    {"PRIVATE_KEY", "server.key", ""},
    {"API_TOKEN", "This is where the token goes", ""},
    {"API_KEY", "handler.main", ""},
    {"AUTH_SECRET", "auth.example.com", ""},
    // ---- Azure and Google settings
    {"APPINSIGHTS_INSTRUMENTATIONKEY", "3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f", ""},  // not a secret, by Microsoft's word
    {"APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/", ""},
    {"WEBSITE_RUN_FROM_PACKAGE", "1", ""},
    {"WEBSITE_RUN_FROM_PACKAGE", "https://acct.blob.core.windows.net/pkg/app.zip?sv=2022-11-02&sr=b&sp=r&sig=Zx8%2Fk3QvLp2mN7rT0wY4a", "credential in its query"},
    {"GOOGLE_APPLICATION_CREDENTIALS", "/secrets/service-account.json", ""},
    {"GOOGLE_APPLICATION_CREDENTIALS", "{\"type\":\"service_account\",\"private_key\":\"" + kPem + "\"}", "private key"},
    // ---- plain names: plain values stay quiet
    {"TABLE_NAME", "orders", ""},
    {"HANDLER", "index.handler", ""},
    {"LOG_LEVEL", "DEBUG", ""},
    {"REGION", "eu-west-1", ""},
    {"BUCKET", "orders-uploads-123456789012", ""},
    {"FUNCTION_VERSION", "3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f", ""},
    {"POWERTOOLS_SERVICE_NAME", "orders", ""},
    {"JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", ""},
    {"ADMIN_EMAIL", "ops@example.com", ""},
};

}  // namespace

TEST_CASE("secret detector: the table") {
  SecretDetector detector;
  CHECK(std::size(kRows) >= 100);
  for (const auto& row : kRows) {
    std::string name = row.name, expect = row.expect;
    CAPTURE(name);
    CAPTURE(row.value);
    auto got = detector.classify(row.name, row.value);
    if (expect.empty()) {
      CHECK_MESSAGE(!got, "flagged as " << (got ? got->what : ""));
    } else {
      CHECK_MESSAGE(got.has_value(), "expected " << expect);
      if (got) CHECK_MESSAGE(got->what.find(expect) != std::string::npos, "got " << got->what);
    }
  }
}

TEST_CASE("secret detector: neighbours give context") {
  SecretDetector detector;
  SUBCASE("a 40-character value next to an AWS access key id is its secret key") {
    auto verdicts = detector.scan({{"KEY_ID", "AKIA2OGYBAH6STMMNXNN"}, {"S3_UPLOAD", kAwsSecret}, {"TABLE", "orders"}});
    REQUIRE(verdicts.size() == 3);
    REQUIRE(verdicts[0]);
    CHECK(verdicts[0]->what == "AWS access key id");
    REQUIRE(verdicts[1]);
    CHECK(verdicts[1]->what == "AWS secret access key");
    CHECK_FALSE(verdicts[2]);
  }
  SUBCASE("32 hex digits next to a Twilio account SID are its auth token") {
    auto verdicts = detector.scan({{"TWILIO_SID", kTwilioSid}, {"TWILIO_AUTH", kHex32}});
    CHECK_FALSE(verdicts[0]);
    REQUIRE(verdicts[1]);
    CHECK(verdicts[1]->what == "Twilio auth token");
  }
  SUBCASE("without the partner, the same values stay quiet") {
    auto verdicts = detector.scan({{"S3_UPLOAD", kAwsSecret}, {"CHECKSUM", kHex32}});
    CHECK_FALSE(verdicts[0]);
    CHECK_FALSE(verdicts[1]);
  }
}

TEST_CASE("secret detector: options") {
  DetectorOptions options;
  options.secret_names = {"encryption_key", "license"};
  options.allowed_values = {"local-dev-token-1"};
  SecretDetector detector(options);
  CHECK(detector.classify("APP_ENCRYPTION_KEY", "Zq8vN2pL5wXrT4yU"));
  CHECK(detector.classify("PRODUCT_LICENSE", "Zq8vN2pL5wXrT4yU"));
  CHECK_FALSE(detector.classify("ENCRYPTION_KEY_ARN", "Zq8vN2pL5wXrT4yU"));
  CHECK_FALSE(detector.classify("API_TOKEN", "local-dev-token-1"));
  CHECK(detector.classify("API_TOKEN", "Zq8vN2pL5wXr-2"));
  CHECK_FALSE(SecretDetector().classify("APP_ENCRYPTION_KEY", "Zq8vN2pL5wXrT4yU"));
}

TEST_CASE("secret detector: adversarial values stay fast") {
  SecretDetector detector;
  auto repeat = [](std::string_view unit, size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += unit;
    return s;
  };
  // Each would be quadratic if a scanner restarted its run at every candidate.
  const std::string inputs[] = {repeat("glpat-", 1 << 20), repeat("eyJ.", 1 << 20), repeat("://", 1 << 20) + "?",
                                repeat("-----BEGIN ", 1 << 20), repeat("AKIA", 1 << 20), repeat("a=b;", 1 << 20),
                                repeat("{", 1 << 20)};
  auto start = std::chrono::steady_clock::now();
  for (const auto& value : inputs) (void)detector.classify("API_TOKEN", value);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  CHECK(elapsed.count() < 2000);
}
