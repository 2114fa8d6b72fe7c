// The pieces the drawings are made of: the resource kind read at a position, evidence chains
// as graphs, and the layered layout (no two boxes overlap, edges run forward, edges that skip
// layers get a waypoint in each).
#include <doctest/doctest.h>

#include <memory>

#include "report/diagram_layout.h"
#include "report/evidence_chain.h"
#include "report/resource_kind.h"

using namespace eph;

namespace {

Range at(const SourceFile& f, std::string_view needle) {
  size_t pos = f.text().find(needle);
  REQUIRE(pos != std::string::npos);
  return Range{&f, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

}  // namespace

TEST_CASE("resource kind: the block or logical id a position lies in") {
  SourceFile tf("main.tf",
                "resource \"aws_subnet\" \"a\" {\n  cidr_block = \"10.0.0.0/24\"\n}\n\n"
                "data \"aws_iam_policy_document\" \"p\" {\n  statement {}\n}\nlocals {\n  x = 1\n}\n");
  CHECK(resource_kind_at(at(tf, "cidr_block")) == "aws_subnet");
  CHECK(resource_kind_at(at(tf, "statement")) == "data.aws_iam_policy_document");
  CHECK(resource_kind_at(at(tf, "x = 1")) == "locals");
  CHECK(resource_block_at(at(tf, "statement")).line == 5);
  CHECK(resource_kind_at(at(tf, "\n\ndata")) == "");  // between blocks: after a closing brace

  SourceFile yaml("template.yaml",
                  "Parameters:\n  Token:\n    Type: String\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
                  "    Properties:\n      DelaySeconds: 5\n  Fn:\n    Type: 'AWS::Serverless::Function'\n");
  CHECK(resource_kind_at(at(yaml, "DelaySeconds")) == "AWS::SQS::Queue");
  CHECK(resource_block_at(at(yaml, "DelaySeconds")).line == 5);
  CHECK(resource_kind_at(at(yaml, "Fn:")) == "AWS::Serverless::Function");
  CHECK(resource_kind_at(at(yaml, "Token")) == "");  // a parameter, not a resource

  SourceFile json("template.json",
                  "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"Name\": \"t\"}},"
                  " \"Q\": {\"Properties\": {\"X\": 1}, \"Type\": \"AWS::SQS::Queue\"}}}");
  CHECK(resource_kind_at(at(json, "\"Name\"")) == "AWS::SNS::Topic");
  CHECK(resource_kind_at(at(json, "\"X\"")) == "AWS::SQS::Queue");  // Type after Properties

  // The format that recognises the file reads it: a `.template` may be YAML or JSON, and text
  // of no format has no resource.
  SourceFile yaml_template("stack.template", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
  CHECK(resource_kind_at(at(yaml_template, "Type")) == "AWS::S3::Bucket");
  SourceFile notes("notes.txt", "resource \"aws_subnet\" \"a\" {\n  x = 1\n}\n");
  CHECK(resource_kind_at(at(notes, "x = 1")) == "");
}

TEST_CASE("evidence chain: a network path goes on link to link, a role's grants hang off its function, other links off the finding") {
  SourceFile tf("net.tf",
                "resource \"aws_nat_gateway\" \"n\" {\n}\nresource \"aws_lambda_function\" \"f\" {\n}\n"
                "resource \"aws_subnet\" \"s\" {\n}\nresource \"aws_route_table\" \"r\" {\n}\n"
                "resource \"aws_iam_role_policy\" \"p\" {\n}\n");
  Finding f;
  f.rule_id = "EPH501";
  f.severity = Severity::Low;
  f.range = at(tf, "resource \"aws_nat_gateway\"");
  f.resource = "aws_nat_gateway.n";
  f.message = "NAT gateway serves only one function";
  f.related = {{at(tf, "resource \"aws_lambda_function\""), "Lambda function aws_lambda_function.f"},
               {at(tf, "resource \"aws_subnet\""), "runs in subnet aws_subnet.s"},
               {at(tf, "resource \"aws_route_table\""), "subnet aws_subnet.s uses route table aws_route_table.r"},
               {at(tf, "resource \"aws_nat_gateway\""), "NAT gateway aws_nat_gateway.n"},
               {at(tf, "resource \"aws_iam_role_policy\""), "the execution role grants s3:PutObject"}};
  const SecretMask mask(std::vector<SecretValue>{}, false);
  auto chain = evidence_chain(f, mask, SourceRoot(""));
  REQUIRE(chain);
  REQUIRE(chain->nodes.size() == 5);  // the NAT link is the finding's own node
  CHECK(chain->nodes[0].kind == "aws_nat_gateway");
  CHECK(chain->nodes[0].where == "net.tf:1");
  CHECK(chain->nodes[0].severity == Severity::Low);
  CHECK(chain->nodes[2].kind == "aws_subnet");
  auto edge = [&](size_t from, size_t to) -> std::string {
    for (const DiagramEdge& e : chain->edges)
      if (e.from == from && e.to == to) return e.label;
    return "(none)";
  };
  CHECK(edge(0, 1) == "serves");
  CHECK(edge(1, 2) == "runs in");
  CHECK(edge(2, 3) == "routes through");
  CHECK(edge(3, 0) == "routes through");  // back to the NAT gateway: a cycle
  CHECK(edge(1, 4) == "grants");  // the function's execution role, not the NAT gateway's
  CHECK(chain->edges.size() == 5);

  // A finding inside a block and a link to the block's header are one node.
  Finding inside = f;
  inside.range = at(tf, "resource \"aws_subnet\"");
  inside.related = {{at(tf, "resource \"aws_subnet\" \"s\" {\n}"), "the subnet"},
                    {at(tf, "resource \"aws_route_table\""), "subnet uses route table aws_route_table.r"}};
  auto merged = evidence_chain(inside, mask, SourceRoot(""));
  REQUIRE(merged);
  CHECK(merged->nodes.size() == 2);

  Finding alone = f;
  alone.related.clear();
  CHECK_FALSE(evidence_chain(alone, mask, SourceRoot("")));
}

TEST_CASE("layered layout: boxes apart, edges forward, skipped layers get waypoints") {
  Diagram d;
  for (const char* title : {"route", "function", "subnet", "table", "nat", "internet"})
    d.nodes.push_back(DiagramNode{title, "", "", {}, {}, ""});
  d.edges = {{0, 1, "invokes"}, {1, 2, "runs in"}, {2, 3, "routes through"}, {3, 4, "routes through"},
             {4, 5, "egress"}, {1, 5, "calls"}, {4, 1, "serves"}};  // the last one closes a cycle
  std::vector<size_t> all{0, 1, 2, 3, 4, 5};
  Layout l = layered_layout(d, all);
  for (size_t i = 0; i < d.nodes.size(); ++i) {
    CHECK(l.boxes[i].width > 0);
    for (size_t j = i + 1; j < d.nodes.size(); ++j) {
      const NodeBox &a = l.boxes[i], &b = l.boxes[j];
      bool apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      CHECK_MESSAGE(apart, d.nodes[i].title << " overlaps " << d.nodes[j].title);
    }
  }
  for (size_t e = 0; e + 1 < d.edges.size(); ++e) CHECK(l.boxes[d.edges[e].to].layer > l.boxes[d.edges[e].from].layer);
  // function (layer 1) -> internet (layer 5): a waypoint in each of layers 2, 3 and 4.
  CHECK(l.routes[5].size() == 3);
  for (const Waypoint& w : l.routes[5])
    for (const NodeBox& b : l.boxes) {
      bool same_column = w.x_left == b.x;
      if (same_column) CHECK((w.y < b.y || w.y > b.y + b.height));
    }
  CHECK(l.width > 0);
  CHECK(l.height > 0);
}
