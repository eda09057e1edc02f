// Public API: compile, evaluate, host-function registration. Internal
// JsonataError exceptions stop here and become aslrt::jsonata::Error.
#include <exception>

#include "aslrt/jsonata.h"
#include "errors.h"
#include "evaluator.h"
#include "parser.h"
#include "program.h"
#include "signature.h"

namespace aslrt::jsonata {

namespace {

void fillError(const JsonataError& e, Error* error) {
  if (!error) return;
  error->code = e.code;
  error->message = describeError(e);
  error->position = e.position;
  error->token = e.token;
}

// Adapts a JSON-level host function to the evaluator's calling convention.
NativeImpl wrapHost(HostFunction fn) {
  return [fn = std::move(fn)](Evaluator&, std::vector<Value>& args) -> Value {
    std::vector<std::optional<Json>> jargs;
    for (auto& a : args) {
      if (a.isUndefined() || a.isFunction()) jargs.emplace_back(std::nullopt);
      else jargs.emplace_back(toJson(a));
    }
    Error err;
    std::optional<Json> result = fn(jargs, &err);
    if (!err.code.empty()) throw JsonataError(err.code, err.message);
    return result ? fromJson(*result) : Value();
  };
}

}  // namespace

Expression::Expression(std::shared_ptr<Program> program) : program_(std::move(program)) {}

std::optional<Expression> Expression::compile(std::string_view text, Error* error) {
  auto program = std::make_shared<Program>();
  try {
    program->root = parseExpression(text, program->arena);
  } catch (const JsonataError& e) {
    fillError(e, error);
    return std::nullopt;
  } catch (const std::exception& e) {
    if (error) *error = Error{"S0201", e.what(), 0, ""};
    return std::nullopt;
  }
  return Expression(std::move(program));
}

std::optional<Json> Expression::evaluate(const Json* input, const Json& bindings, const Limits& limits,
                                         Error* error, bool* returnedFunction) const {
  try {
    Evaluator ev(limits, &program_->hostFunctions);
    Value in = input ? fromJson(*input) : Value();
    EnvPtr env = ev.makeRootEnv(in, bindings);
    if (in.isArray()) {
      // a top-level array is wrapped once so paths treat it as one input
      Value wrapped = Value::sequence();
      wrapped.arr().items.push_back(in);
      wrapped.arr().outerWrapper = true;
      in = wrapped;
    }
    Value result = ev.evaluate(program_->root, in, env);
    if (result.isUndefined()) return std::nullopt;
    if (returnedFunction) *returnedFunction = result.isFunction();
    return toJson(result);
  } catch (const JsonataError& e) {
    fillError(e, error);
  } catch (const std::bad_alloc&) {
    if (error) *error = Error{"U1001", "Out of memory", 0, ""};
  } catch (const std::exception& e) {
    if (error) *error = Error{"U1000", e.what(), 0, ""};
  }
  return std::nullopt;
}

void Expression::registerFunction(const std::string& name, const std::string& signature, HostFunction fn) {
  auto nf = std::make_shared<NativeFunction>();
  nf->name = name;
  if (!signature.empty()) nf->signature = parseSignature(signature, 0);
  nf->arity = nf->signature ? static_cast<int>(nf->signature->params.size()) : 1;
  nf->impl = wrapHost(std::move(fn));
  program_->hostFunctions[name] = makeNative(nf);
}

void Expression::registerAwsFunctions(std::mt19937_64* rng) { addAwsFunctions(program_->hostFunctions, rng); }

}  // namespace aslrt::jsonata
