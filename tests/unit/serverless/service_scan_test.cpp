// A serverless.yml scanned from disk: files it includes are analysed once, as parts of the
// service; findings speak the user's words; the endpoint fix goes under `resources:`.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/disk_file_provider.h"
#include "engine/analyzer.h"
#include "engine/discovery.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

struct Tree {
  fs::path root;
  Tree() {
    static int n = 0;
    root = fs::temp_directory_path() / ("eph-sls-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(root);
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
};

struct Scan {
  std::vector<UnitPlan> units;
  AnalysisResult result;
};

Scan scan(const Tree& tree) {
  DiscoveredFiles found = discover_files({tree.root.string()});
  DiskFileProvider provider({tree.root.string()});
  AnalysisOptions options;
  options.threads = 1;
  Scan s;
  s.units = plan_units(found, provider, options.config.max_file_bytes);
  s.result = analyze(s.units, provider, options);
  return s;
}

std::vector<const Finding*> of_rule(const AnalysisResult& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule_id == rule) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("serverless: a template included with ${file(...)} is scanned once, as part of the service") {
  Tree tree;
  tree.write("svc/serverless.yml",
             "service: shop\n"
             "provider:\n"
             "  name: aws\n"
             "  runtime: nodejs20.x\n"
             "functions:\n"
             "  hello:\n"
             "    handler: hello.handler\n"
             "    reservedConcurrency: 5\n"
             "resources:\n"
             "  - ${file(./resources/permissions.yml)}\n");
  // Looks like a template on its own; alone, it would not know HelloLambdaFunction.
  tree.write("svc/resources/permissions.yml",
             "Resources:\n"
             "  HelloInvoke:\n"
             "    Type: AWS::Lambda::Permission\n"
             "    Properties:\n"
             "      Action: lambda:InvokeFunction\n"
             "      FunctionName: !Ref HelloLambdaFunction\n"
             "      Principal: '*'\n");
  Scan s = scan(tree);
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].files.size() == 2);  // the included file counts as scanned, with the service
  auto found = of_rule(s.result, "EPH602");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->range.file->path().find("permissions.yml") != std::string::npos);
  CHECK(found[0]->message.find("function hello") != std::string::npos);
  CHECK(s.result.files_analyzed == 2);
}

TEST_CASE("serverless: findings name functions and events as serverless.yml writes them") {
  Tree tree;
  tree.write("serverless.yml",
             "service: users\n"
             "provider:\n"
             "  name: aws\n"
             "  runtime: nodejs20.x\n"
             "functions:\n"
             "  list-users:\n"
             "    handler: users.list\n"
             "    events:\n"
             "      - schedule: rate(1 hour)\n"
             "      - http: GET users\n");
  Scan s = scan(tree);
  auto routes = of_rule(s.result, "EPH603");
  REQUIRE(routes.size() == 1);
  CHECK(routes[0]->message.rfind("http event 2 of function list-users (GET /users) reaches function list-users", 0) == 0);
  CHECK(routes[0]->message.find("default authorizer") == std::string::npos);  // the framework has none
  CHECK(routes[0]->resource == "ListDashusersLambdaFunction");                // the id stays the framework's
  auto ceilings = of_rule(s.result, "EPH401");
  REQUIRE(ceilings.size() == 1);
  CHECK(ceilings[0]->message.find("http event 2 of function list-users (GET /users)") != std::string::npos);
  CHECK(ceilings[0]->message.find("(reservedConcurrency)") != std::string::npos);
  CHECK(ceilings[0]->message.find("LambdaFunction") == std::string::npos);
  CHECK(ceilings[0]->message.find("Event0") == std::string::npos);
}

TEST_CASE("serverless: the endpoint fix adds the endpoint under resources") {
  Tree tree;
  tree.write("serverless.yml",
             "service: orders\n"
             "provider:\n"
             "  name: aws\n"
             "  runtime: nodejs20.x\n"
             "  iam:\n"
             "    role:\n"
             "      statements:\n"
             "        - Effect: Allow\n"
             "          Action: s3:GetObject\n"
             "          Resource: arn:aws:s3:::receipts/*\n"
             "  vpc:\n"
             "    securityGroupIds: [sg-0123456789abcdef0]\n"
             "    subnetIds: [!Ref Private]\n"
             "functions:\n"
             "  place:\n"
             "    handler: place.handler\n"
             "    reservedConcurrency: 5\n"
             "resources:\n"
             "  Resources:\n"
             "    Vpc:\n"
             "      Type: AWS::EC2::VPC\n"
             "      Properties:\n"
             "        CidrBlock: 10.0.0.0/16\n"
             "    Private:\n"
             "      Type: AWS::EC2::Subnet\n"
             "      Properties:\n"
             "        VpcId: !Ref Vpc\n"
             "        CidrBlock: 10.0.1.0/24\n"
             "    PrivateRoutes:\n"
             "      Type: AWS::EC2::RouteTable\n"
             "      Properties:\n"
             "        VpcId: !Ref Vpc\n"
             "    PrivateRoutesOfPrivate:\n"
             "      Type: AWS::EC2::SubnetRouteTableAssociation\n"
             "      Properties:\n"
             "        SubnetId: !Ref Private\n"
             "        RouteTableId: !Ref PrivateRoutes\n"
             "  Outputs:\n"
             "    VpcId:\n"
             "      Value: !Ref Vpc\n");
  Scan s = scan(tree);
  auto missing = of_rule(s.result, "EPH201");
  REQUIRE(missing.size() == 1);
  const Finding& f = *missing[0];
  CHECK(f.range.file->position(f.range.begin).line == 11);  // provider.vpc
  REQUIRE(f.fix);
  REQUIRE(f.fix->edits.size() == 1);
  const TextEdit& edit = f.fix->edits[0];
  CHECK(edit.new_text ==
        "    S3VpcEndpoint:\n"
        "      Type: AWS::EC2::VPCEndpoint\n"
        "      Properties:\n"
        "        VpcEndpointType: Gateway\n"
        "        ServiceName: !Sub \"com.amazonaws.${AWS::Region}.s3\"\n"
        "        VpcId: !Ref Vpc\n"
        "        RouteTableIds:\n"
        "          - !Ref PrivateRoutes\n"
        "\n");
  // At the end of resources.Resources, before `Outputs`.
  CHECK(edit.range.file->line_text(edit.range.file->position(edit.range.begin).line) == "  Outputs:");
}
