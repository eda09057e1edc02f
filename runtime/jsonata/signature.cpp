// Signature parsing and argument validation.
#include "signature.h"

#include "errors.h"

namespace aslrt::jsonata {

char typeSymbol(const Value& v) {
  switch (v.type()) {
    case Type::Function: return 'f';
    case Type::String: return 's';
    case Type::Number: return 'n';
    case Type::Bool: return 'b';
    case Type::Null: return 'l';
    case Type::Array: return 'a';
    case Type::Object: return 'o';
    default: return 'm';
  }
}

namespace {

size_t closingBracket(const std::string& s, size_t start, char open, char close) {
  int depth = 1;
  for (size_t i = start + 1; i < s.size(); ++i) {
    if (s[i] == open) ++depth;
    if (s[i] == close && --depth == 0) return i;
  }
  return std::string::npos;
}

// Applies one signature character to the parameter list being built.
void addSymbol(const std::string& sig, size_t& i, std::vector<SigParam>& params, size_t position) {
  char c = sig[i];
  SigParam p;
  p.type = c;
  switch (c) {
    case 's': case 'n': case 'b': case 'l': case 'o': p.regex = std::string("[") + c + "m]"; break;
    case 'a': p.regex = "[asnblfom]"; break;
    case 'f': p.regex = "f"; break;
    case 'j': p.regex = "[asnblom]"; break;
    case 'x': p.regex = "[asnblfom]"; break;
    case '-':
      if (params.empty()) return;  // modifies nothing (jsonata-js ignores it too)
      params.back().context = true;
      params.back().contextRegex = params.back().regex;
      params.back().regex += "?";
      return;
    case '?': case '+':
      if (!params.empty()) params.back().regex += c;
      return;
    case '(': {
      size_t end = closingBracket(sig, i, '(', ')');
      if (end == std::string::npos) throw JsonataError("S0401").at(position);
      std::string choice = sig.substr(i + 1, end - i - 1);
      if (choice.find('<') != std::string::npos) throw JsonataError("S0402").at(position);
      p.regex = "[" + choice + "m]";
      p.type = '(';
      i = end;
      break;
    }
    case '<': {
      if (params.empty() || (params.back().type != 'a' && params.back().type != 'f'))
        throw JsonataError("S0401").at(position);
      size_t end = closingBracket(sig, i, '<', '>');
      if (end == std::string::npos) throw JsonataError("S0401").at(position);
      params.back().subtype = sig.substr(i + 1, end - i - 1);
      i = end;
      return;
    }
    default: throw JsonataError("S0401").at(position);
  }
  params.push_back(p);
}

}  // namespace

std::shared_ptr<Signature> parseSignature(const std::string& text, size_t position) {
  auto sig = std::make_shared<Signature>();
  sig->definition = text;
  // strip the outer <...> and the return type after ':'
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == ':') break;
    addSymbol(text, i, sig->params, position);
  }
  std::string pattern = "^";
  for (auto& p : sig->params) pattern += "(" + p.regex + ")";
  pattern += "$";
  sig->matcher = std::regex(pattern);
  return sig;
}

namespace {

[[noreturn]] void throwMismatch(const Signature& sig, const std::vector<Value>& args, const std::string& supplied,
                                const std::string& name) {
  std::string partial = "^";
  size_t goodTo = 0;
  for (auto& p : sig.params) {
    partial += p.regex;
    std::smatch m;
    if (!std::regex_search(supplied, m, std::regex(partial))) break;
    goodTo = static_cast<size_t>(m.length(0));
  }
  (void)args;
  throw JsonataError("T0410").tok(name).val(std::to_string(goodTo + 1));
}

// The items an `a<x>` signature wants, as T0412's message names them.
std::string arrayItemsName(char symbol) {
  switch (symbol) {
    case 'a': return "arrays";
    case 'b': return "booleans";
    case 'f': return "functions";
    case 'n': return "numbers";
    case 'o': return "objects";
    case 's': return "strings";
    default: return std::string(1, symbol);
  }
}

// An `a<x>` parameter: every item must have the subtype's symbol.
void checkArraySubtype(const SigParam& p, const Value& arg, char single, const std::string& match,
                       size_t argIndex, const std::string& name) {
  if (p.subtype.empty()) return;
  bool ok = true;
  if (single != 'a' && match != p.subtype) {
    ok = false;
  } else if (single == 'a' && !arg.arr().items.empty()) {
    char itemType = typeSymbol(arg.arr().items[0]);
    if (itemType != p.subtype[0]) ok = false;
    for (auto& item : arg.arr().items)
      if (typeSymbol(item) != itemType) ok = false;
  }
  if (ok) return;
  std::string index = std::to_string(argIndex + 1);
  throw JsonataError("T0412", "Argument " + index + " of function " + name + " must be an array of " +
                                  arrayItemsName(p.subtype[0]))
      .tok(name)
      .val(index);
}

}  // namespace

std::vector<Value> Signature::validate(const std::vector<Value>& args, const Value& context,
                                       const std::string& name) const {
  std::string supplied;
  for (auto& a : args) supplied += typeSymbol(a);
  std::smatch m;
  if (!std::regex_match(supplied, m, matcher)) throwMismatch(*this, args, supplied, name);
  std::vector<Value> out;
  size_t argIndex = 0;
  for (size_t pi = 0; pi < params.size(); ++pi) {
    const SigParam& p = params[pi];
    std::string match = m[pi + 1].str();
    if (match.empty()) {
      if (p.context) {
        if (!std::regex_match(std::string(1, typeSymbol(context)), std::regex(p.contextRegex)))
          throw JsonataError("T0411").tok(name).val(std::to_string(argIndex + 1));
        out.push_back(context);
      } else {
        out.push_back(argIndex < args.size() ? args[argIndex] : Value());
        ++argIndex;
      }
      continue;
    }
    for (char single : match) {
      Value arg = argIndex < args.size() ? args[argIndex] : Value();
      if (p.type == 'a') {
        if (single == 'm') {
          arg = Value();
        } else {
          checkArraySubtype(p, arg, single, match, argIndex, name);
          if (single != 'a') arg = arrayOf({arg});
        }
      }
      out.push_back(arg);
      ++argIndex;
    }
  }
  return out;
}

}  // namespace aslrt::jsonata
