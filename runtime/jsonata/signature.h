// Function signatures ("<s-n?:s>"): parsed once, then used to check and
// coerce the arguments of every call, as jsonata-js does.
#pragma once
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "value.h"

namespace aslrt::jsonata {

struct SigParam {
  char type = 'x';         // b n s l o a f j x, or '(' for a choice
  std::string regex;       // pattern over argument type symbols
  bool context = false;    // '-': use the context value when missing
  std::string contextRegex;
  std::string subtype;     // a<n>: item type
};

struct Signature {
  std::string definition;
  std::vector<SigParam> params;
  std::regex matcher;
  // Returns the arguments the function should receive (context substituted,
  // singletons wrapped into arrays). Throws T0410/T0411/T0412.
  std::vector<Value> validate(const std::vector<Value>& args, const Value& context,
                              const std::string& functionName) const;
};

std::shared_ptr<Signature> parseSignature(const std::string& text, size_t position);
char typeSymbol(const Value& v);

}  // namespace aslrt::jsonata
