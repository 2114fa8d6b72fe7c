#pragma once
// What policy statements and conditions mean for network trust: who a statement admits
// (a broad principal), whether a condition tests the caller's address, and whether it
// ties the caller to an identity or origin.
#include "model/model.h"

namespace eph {

// "Principal": "*" or {"AWS": "*"}: anyone, authenticated or not, in any account.
bool has_broad_principal(const PolicyStatement& st);

// An IpAddress / NotIpAddress test (any set operator or IfExists variant) on the caller's
// address: aws:SourceIp, aws:VpcSourceIp.
bool is_ip_condition(const PolicyCondition& c);
bool is_negated_ip_condition(const PolicyCondition& c);  // NotIpAddress...

// A condition on who the caller is or where the request comes from (principal, account,
// organisation, VPC, VPC endpoint, source resource).
bool is_identity_condition(const PolicyCondition& c);

// The addresses a statement admits by IP: the values of IpAddress conditions of an Allow,
// or of NotIpAddress conditions of a Deny (an allow-list written as "deny everyone else").
bool is_ip_allow_list(const PolicyStatement& st, const PolicyCondition& c);

}  // namespace eph
