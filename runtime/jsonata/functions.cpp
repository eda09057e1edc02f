// The built-in function table, built once on first use.
#include "functions.h"

#include "errors.h"

#include "signature.h"

namespace aslrt::jsonata {

void addNative(Registry& r, const std::string& name, const std::string& signature, int arity, NativeImpl impl) {
  auto nf = std::make_shared<NativeFunction>();
  nf->name = name;
  if (!signature.empty()) nf->signature = parseSignature(signature, 0);
  nf->arity = arity;
  nf->impl = std::move(impl);
  r[name] = makeNative(nf);
}

const std::string& requiredString(const std::vector<Value>& args, size_t i, const std::string& function) {
  const Value& v = argAt(args, i);
  if (!v.isString()) throw JsonataError("T0410").tok(function).val(std::to_string(i + 1));
  return v.s();
}

static Registry buildRegistry() {
  Registry r;
  registerStringFunctions(r);
  registerRegexFunctions(r);
  registerEncodingFunctions(r);
  registerNumericFunctions(r);
  registerNumberFormatFunctions(r);
  registerIntegerFormatFunctions(r);
  registerArrayFunctions(r);
  registerObjectFunctions(r);
  registerHigherOrderFunctions(r);
  registerDateTimeFunctions(r);
  return r;
}

const Value* builtinFunction(const std::string& name) {
  static const Registry registry = buildRegistry();
  auto it = registry.find(name);
  return it == registry.end() ? nullptr : &it->second;
}

}  // namespace aslrt::jsonata
