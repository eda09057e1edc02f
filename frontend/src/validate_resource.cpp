// Task Resource ARNs and Task Credentials.
// A Resource may hold CloudFormation/SAM/Terraform substitution tokens
// ("${MyFunction}", "arn:${AWS::Partition}:states:::lambda:invoke"): they stay
// unresolved, late-bound parts of the ARN, so each token is checked only for
// being closed and the rest of the ARN around it is checked as usual.
#include <cctype>
#include <vector>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

// Replaces every ${...} with a neutral word; returns false on an unclosed "${".
bool eraseTokens(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") != 0) {
      *out += text[i];
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) return false;
    *out += "TOKEN";
    i = close;
  }
  return true;
}

std::vector<std::string_view> splitColons(std::string_view s, size_t maxParts) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (parts.size() + 1 < maxParts) {
    size_t colon = s.find(':', start);
    if (colon == std::string_view::npos) break;
    parts.push_back(s.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(s.substr(start));
  return parts;
}

// "function:NAME[:QUALIFIER]" for a Lambda ARN used directly.
std::string checkLambdaFunction(std::string_view rest) {
  auto parts = splitColons(rest, 3);
  if (parts[0] != "function") return "";
  if (parts.size() < 2 || parts[1].empty()) return "a Lambda function ARN needs a function name";
  if (parts.size() < 3) return "";
  if (parts[2].empty()) return "the Lambda version or alias after the last ':' is empty";
  for (char c : parts[2])
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '$')
      return "the Lambda version or alias '" + std::string(parts[2]) + "' has invalid characters";
  return "";
}

ResourceProblem arnProblem(const char* why) { return {"resource-arn", why}; }

ResourceProblem resourceProblem(std::string_view text, bool express) {
  std::string arn;
  if (!eraseTokens(text, &arn)) return arnProblem("it has an unterminated '${' substitution token");
  if (arn == "TOKEN") return {};
  auto parts = splitColons(arn, 6);  // arn:partition:service:region:account:resource
  if (parts.size() < 6 || parts[0] != "arn")
    return arnProblem("it is not an ARN (arn:partition:service:region:account:resource)");
  if (parts[1].empty() || parts[2].empty())
    return arnProblem("the ARN's partition or service is empty");
  if (parts[2] == "states" && parts[3].empty() && parts[4].empty())
    return checkIntegrationArn(parts[5], express);
  // Activities need a worker polling for hours; Express workflows have none.
  if (parts[2] == "states" && express && parts[5].substr(0, 9) == "activity:")
    return {"express-integration-pattern", "Express workflows cannot run activities"};
  if (parts[2] != "lambda") return {};
  std::string why = checkLambdaFunction(parts[5]);
  return why.empty() ? ResourceProblem{} : ResourceProblem{"resource-arn", why};
}

// {"Ref": ...} or {"Fn::GetAtt": ...}: a CloudFormation intrinsic that
// CloudFormation resolves to an ARN string before Step Functions sees it.
bool isCloudFormationIntrinsic(const JNode& v) {
  if (!v.isObject() || v.members.size() != 1) return false;
  const std::string& key = v.members[0].key;
  return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

}  // namespace

void checkResourceField(Checker& ck, const JNode& owner, const std::string& ownerPointer,
                        const char* what) {
  const JNode* r = owner.get("Resource");
  std::string at = pointerJoin(ownerPointer, "Resource");
  if (r && isCloudFormationIntrinsic(*r)) return warnUnresolvedToken(ck, *r, at);
  if (!r || !expectKind(ck, *r, JNode::Kind::String, at, "'Resource'")) return;
  ResourceProblem problem = resourceProblem(r->str(), ck.expressDepth > 0);
  if (!problem.rule) return;
  ck.error(r->begin, problem.rule,
           std::string(what) + " 'Resource' '" + r->str() + "' is not valid: " + problem.message,
           at);
}

void checkTaskResource(StateCtx& s) { checkResourceField(s.ck, s.node(), s.pointer, "Task"); }

// Credentials assume a role: { "RoleArn": ... } (or "RoleArn.$" in JSONPath).
void checkCredentials(StateCtx& s) {
  const JNode* c = s.get("Credentials");
  if (!c || !expectKind(s.ck, *c, JNode::Kind::Object, s.at("Credentials"), "'Credentials'"))
    return;
  std::string at = s.at("Credentials");
  for (const JMember& m : c->members) {
    if (m.key == "RoleArn" || (m.key == "RoleArn.$" && !s.jsonata())) continue;
    s.ck.error(m.keyOffset, "schema-unknown-field",
               "'Credentials' has only 'RoleArn', not '" + m.key + "'", pointerJoin(at, m.key));
  }
  if (!c->member("RoleArn") && !c->member("RoleArn.$"))
    s.ck.error(c->begin, "schema-required-field", "'Credentials' requires 'RoleArn'", at);
  if (s.jsonata())
    checkJsonataTemplate(s.ck, *c, at);
  else
    checkPayloadTemplate(s.ck, *c, at);
}

}  // namespace aslc::validate_detail
