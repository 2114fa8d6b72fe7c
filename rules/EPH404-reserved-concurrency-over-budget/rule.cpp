// EPH404 reserved-concurrency-over-budget: the reservations of one unit add up to more
// than the account can give while keeping the unreserved minimum AWS requires; and a
// reservation of 0, which stops the function from ever running.
#include <algorithm>
#include <string>

#include "rule_api/rule.h"

namespace eph::rules {
namespace {

constexpr long long kUnreservedMinimum = 100;  // AWS keeps this many executions unreserved

constexpr RuleOption kOptions[] = {
    {.name = "account-limit", .type = OptionType::Integer,
     .meaning = "the account's concurrent executions limit", .default_integer = 1000,
     .minimum = kUnreservedMinimum, .maximum = 100'000'000},
};

class RuleEPH404 final : public Rule {
 public:
  RuleOptions options() const override { return kOptions; }

  void check(RuleContext& ctx) const override {
    long long account_limit = ctx.option_int("account-limit");
    long long budget = account_limit - kUnreservedMinimum;
    std::vector<const Function*> reserving;
    long long total = 0;
    for (const Function& fn : ctx.model().functions) {
      const Value* r = fn.reserved_concurrency;
      if (!r || r->kind != Kind::Number || r->number < 0) continue;
      if (r->number == 0) {
        Finding& f = ctx.report(r->where.valid() ? r->where : fn.resource->declaration,
                                std::string(fn.label) + " '" + fn.address() +
                                    "' reserves 0 concurrent executions: it can never run. If that is deliberate (a "
                                    "kill switch), say why in a suppression.",
                                fn.address());
        f.severity = Severity::Info;
        continue;
      }
      total += static_cast<long long>(r->number);
      reserving.push_back(&fn);
    }
    if (total <= budget || reserving.empty()) return;
    std::stable_sort(reserving.begin(), reserving.end(), [](const Function* a, const Function* b) {
      return a->reserved_concurrency->number > b->reserved_concurrency->number;
    });
    const Function& largest = *reserving.front();
    Finding& f = ctx.report(
        largest.reserved_concurrency->where.valid() ? largest.reserved_concurrency->where : largest.resource->declaration,
        "Reserved concurrency adds up to " + std::to_string(total) + " across " + std::to_string(reserving.size()) +
            " functions, over the " + std::to_string(budget) + " an account limit of " + std::to_string(account_limit) +
            " allows (AWS keeps " + std::to_string(kUnreservedMinimum) +
            " unreserved): deployment fails. The largest is '" + largest.address() + "' (" +
            largest.reserved_concurrency->display() + "); lower the reservations or raise the account limit "
            "(option account-limit).",
        largest.address());
    for (size_t i = 1; i < reserving.size(); ++i) {
      const Function& fn = *reserving[i];
      f.related.push_back({fn.reserved_concurrency->where.valid() ? fn.reserved_concurrency->where : fn.resource->declaration,
                           "'" + fn.address() + "' reserves " + fn.reserved_concurrency->display()});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH404() { return std::make_unique<RuleEPH404>(); }

}  // namespace eph::rules
