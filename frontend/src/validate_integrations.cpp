// Service integrations named by "arn:<partition>:states:::service:action
// [.sync|.sync:2|.waitForTaskToken]". AWS checks, when a machine is created,
// that an optimized integration exists (it rejects "dynamodb:query") and that
// the service supports the integration pattern; Express workflows (and the
// EXPRESS child executions of a distributed Map) allow Request Response only.
// https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
#include <vector>

#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

enum Pattern : unsigned { kRequest = 1, kSync = 2, kCallback = 4 };

struct Integration {
  const char* service;
  unsigned patterns;
  std::vector<const char*> actions;  // empty: the action set is not checked here
};

// From the "Optimized integrations" table of the developer guide. Actions are
// listed only where the whole set is small and certain; elsewhere any action
// passes, because a wrong rejection is worse than a runtime error here.
const std::vector<Integration>& integrations() {
  static const std::vector<Integration> kTable = {
      {"aws-sdk", kRequest | kCallback, {}},
      {"apigateway", kRequest | kCallback, {"invoke"}},
      {"athena",
       kRequest | kSync,
       {"startQueryExecution", "stopQueryExecution", "getQueryExecution", "getQueryResults"}},
      {"batch", kRequest | kSync, {}},
      {"bedrock", kRequest | kSync | kCallback, {}},
      {"codebuild", kRequest | kSync, {}},
      {"dynamodb", kRequest, {"getItem", "putItem", "updateItem", "deleteItem"}},
      {"ecs", kRequest | kSync | kCallback, {}},
      {"eks", kRequest | kSync | kCallback, {}},
      {"elasticmapreduce", kRequest | kSync, {}},
      {"emr-containers", kRequest | kSync, {}},
      {"emr-serverless", kRequest | kSync, {}},
      {"events", kRequest | kCallback, {"putEvents"}},
      {"glue", kRequest | kSync, {}},
      {"databrew", kRequest | kSync, {}},
      {"http", kRequest, {"invoke"}},
      {"lambda", kRequest | kCallback, {}},
      {"mediaconvert", kRequest | kSync, {}},
      {"sagemaker", kRequest | kSync, {}},
      {"sns", kRequest | kCallback, {"publish"}},
      {"sqs", kRequest | kCallback, {"sendMessage"}},
      {"states", kRequest | kSync | kCallback, {"startExecution"}},
  };
  return kTable;
}

// Splits "action.pattern" and names the pattern.
Pattern splitPattern(std::string_view* action) {
  for (auto [suffix, pattern] : {std::pair<std::string_view, Pattern>{".sync:2", kSync},
                                 {".sync", kSync},
                                 {".waitForTaskToken", kCallback}}) {
    if (action->size() <= suffix.size() || action->substr(action->size() - suffix.size()) != suffix)
      continue;
    action->remove_suffix(suffix.size());
    return pattern;
  }
  return kRequest;
}

const char* patternName(Pattern p) {
  return p == kSync       ? "Run a Job (.sync)"
         : p == kCallback ? "Wait for Callback (.waitForTaskToken)"
                          : "Request Response";
}

const Integration* findIntegration(std::string_view service) {
  for (const Integration& i : integrations())
    if (service == i.service) return &i;
  return nullptr;
}

bool knowsAction(const Integration& i, std::string_view action) {
  if (i.actions.empty()) return true;
  for (const char* a : i.actions)
    if (action == a) return true;
  return false;
}

}  // namespace

ResourceProblem checkIntegrationArn(std::string_view rest, bool express) {
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size())
    return {"resource-arn", "an integration ARN needs 'service:action' after 'states:::'"};
  std::string_view service = rest.substr(0, colon);
  std::string_view action = rest.substr(colon + 1);
  Pattern pattern = splitPattern(&action);
  if (express && pattern != kRequest)
    return {"express-integration-pattern",
            std::string("Express workflows support only Request Response integrations, not ") +
                patternName(pattern)};
  const Integration* known = findIntegration(service);
  if (!known) return {};
  if (service != "aws-sdk" && !knowsAction(*known, action))
    return {"unknown-service-integration", "'" + std::string(service) + ":" + std::string(action) +
                                               "' is not an optimized integration AWS recognizes"};
  if (!(known->patterns & pattern))
    return {"integration-pattern", "the '" + std::string(service) +
                                       "' integration does not support " + patternName(pattern)};
  return {};
}

}  // namespace aslc::validate_detail
