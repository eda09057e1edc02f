// Environments and function-value helpers.
#include "function.h"

#include "signature.h"

namespace aslrt::jsonata {

const Value* Env::lookup(const std::string& name) const {
  for (const Env* e = this; e; e = e->parent.get())
    for (auto it = e->vars.rbegin(); it != e->vars.rend(); ++it)
      if (it->first == name) return &it->second;
  return nullptr;
}

void Env::bind(const std::string& name, Value v) {
  for (auto& [k, existing] : vars)
    if (k == name) {
      existing = std::move(v);
      return;
    }
  vars.emplace_back(name, std::move(v));
}

EnvPtr childEnv(const EnvPtr& parent) {
  auto e = std::make_shared<Env>();
  e->parent = parent;
  return e;
}

int FunctionData::arity() const {
  switch (kind) {
    case Kind::Lambda: return static_cast<int>(params.size());
    case Kind::Native: return native->arity;
    case Kind::Partial: {
      int holes = 0;
      for (bool h : isHole) holes += h;
      return holes;
    }
    case Kind::Regex: return 1;
  }
  return 0;
}

Value makeNative(NativePtr native) {
  auto f = std::make_shared<FunctionData>();
  f->kind = FunctionData::Kind::Native;
  f->native = std::move(native);
  return Value::function(f);
}

bool isLambda(const Value& v) { return v.isFunction() && v.fn().kind == FunctionData::Kind::Lambda; }

}  // namespace aslrt::jsonata
