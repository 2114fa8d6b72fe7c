#pragma once
// The stylesheet and script the HTML report inlines (it fetches nothing): light and dark
// schemes, and the filters by severity, rule and file, which also read the page's
// fragment (`report.html#severity=high&rule=EPH301&file=main.tf`) so that a link can open
// the report filtered.
#include <string_view>

namespace eph {

std::string_view html_report_style();
std::string_view html_report_script();

}  // namespace eph
