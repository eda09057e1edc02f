// ${NAME} substitution, as CloudFormation's DefinitionSubstitutions does it.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace aslc::tool {

using Substitutions = std::vector<std::pair<std::string, std::string>>;

bool parseSubstitution(const std::string& text, Substitutions& subs, std::string* error);
// A JSON object file: {"NAME": "value", ...}.
bool readSubstitutionFile(const std::string& path, Substitutions& subs, std::string* error);
// Replaces ${NAME} tokens; values are JSON-escaped, since tokens stand inside strings.
std::string applySubstitutions(const std::string& text, const Substitutions& subs);

}  // namespace aslc::tool
