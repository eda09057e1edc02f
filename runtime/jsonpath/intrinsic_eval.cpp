// Evaluates a parsed call tree: arguments first (paths select from the root
// EvalContext picks, nested calls recurse), then the function itself.
#include <algorithm>
#include <cmath>

#include "aslrt/payload_size.h"
#include "intrinsic_ast.h"
#include "java_string.h"

namespace aslrt {
namespace ix = intrinsic_detail;

namespace {

// The root `path` reads in ctx, and the path that reads it: a borrowed Map
// item is read by the path relative to it ("$$.Map.Item.Value.x" -> "$.x").
const Json* rootOf(const JsonPath& path, const EvalContext& ctx, const JsonPath** reader) {
  *reader = &path;
  if (path.isVariablePath()) return ctx.variables;
  if (!path.isContextPath()) return ctx.input;
  if (ctx.mapItem && path.mapItemPath()) {
    *reader = path.mapItemPath();
    return ctx.mapItem;
  }
  return ctx.context;
}

}  // namespace

std::optional<Json> selectPath(const JsonPath& path, const EvalContext& ctx, std::string* whyNot) {
  const JsonPath* reader = nullptr;
  const Json* root = rootOf(path, ctx, &reader);
  if (!root) return std::nullopt;
  return reader->select(*root, whyNot);
}

std::mt19937_64& EvalContext::random() const {
  if (rng) return *rng;
  if (lazyRng) return lazyRng->engine();
  thread_local std::mt19937_64 fallback{std::random_device{}()};
  return fallback;
}

std::string pathNotFoundCause(const JsonPath& path, std::string_view fieldName,
                              const EvalContext& ctx) {
  std::string input = ctx.input ? jsonpath_detail::javaJsonDump(*ctx.input) : "null";
  return "The JSONPath '" + path.text() + "' specified for the field '" + std::string(fieldName) +
         "' could not be found in the input '" + input + "'";
}

namespace {

using ix::FunctionId;

std::optional<Json> dispatch(FunctionId fn, const ix::Args& args, const EvalContext& ctx,
                             std::string* cause) {
  switch (fn) {
#define ASLRT_INTRINSIC(id, name, minArgs, maxArgs) \
  case FunctionId::id:                              \
    return ix::eval##id(args, ctx, cause);
#include "intrinsics.def"
#undef ASLRT_INTRINSIC
  }
  return std::nullopt;
}

std::optional<Json> evalCall(const ix::CallNode& call, const EvalContext& ctx, std::string_view field,
                             Failure* failure, SizeBound* bound = nullptr, uint32_t movableArgs = 0);

// The node a plain path ("$.a.b[0]") reaches in its root, borrowed; nullptr
// when the path needs full selection (which then also explains a miss).
const Json* peekPath(const JsonPath& path, const EvalContext& ctx) {
  const JsonPath* reader = nullptr;
  const Json* root = rootOf(path, ctx, &reader);
  return root ? reader->peek(*root) : nullptr;
}

// movable: the argument is a path into the dead input that nothing else
// reads (IntrinsicCall::evaluate's movableArgs).
bool evalArg(const ix::Arg& arg, const EvalContext& ctx, std::string_view field, bool movable, ix::ArgValue* out,
             Failure* failure) {
  switch (arg.kind) {
    case ix::Arg::Kind::Literal:
      out->borrowed = &arg.literal;
      out->raw = arg.raw ? &*arg.raw : nullptr;
      return true;
    case ix::Arg::Kind::Path: {
      if ((out->borrowed = peekPath(*arg.path, ctx))) {
        // (ctx.input is const only as read: the render owns the dead input)
        if (movable) out->movable = const_cast<Json*>(out->borrowed);
        return true;
      }
      std::optional<Json> v = selectPath(*arg.path, ctx);
      if (!v) *failure = Failure{"States.Runtime", pathNotFoundCause(*arg.path, field, ctx)};
      if (!v) return false;
      out->own(std::move(*v));
      return true;
    }
    case ix::Arg::Kind::Call: {
      std::optional<Json> v = evalCall(*arg.call, ctx, field, failure);
      if (!v) return false;
      out->own(std::move(*v));
      return true;
    }
  }
  return false;
}

// Bounds on a result's serialised size and depth that cost nothing, where
// the function has them; unknown otherwise. StringToJson: parsing and
// printing again never lengthens a string (escapes shorten or stay), a key,
// punctuation, a literal or an integer, and drops the spaces; a number that
// prints longer, as a double, is at least 3 characters long ("1e9") and
// prints in at most 24 ("1000000000.0", "-2.2250738585072014e-308"), so the
// value prints in at most 8 bytes per byte of text; every level of nesting
// takes two bytes of it. Past kBoundFromTextUpTo such a bound is too loose
// to be worth it: the state's output would then be measured whole.
SizeBound cheapBound(FunctionId fn, const ix::Args& args) {
  constexpr size_t kBoundFromTextUpTo = 2048;
  if (fn != FunctionId::StringToJson || !args[0].value().is_string()) return SizeBound();
  size_t text = args[0].value().get_ref<const std::string&>().size();
  if (text > kBoundFromTextUpTo) return SizeBound();
  // (4: "null" for blank text; no parsed value nests deeper than the parser allows)
  return SizeBound::atMost(8 * text + 4, static_cast<uint32_t>(std::min(text / 2, kMaxJsonNesting)));
}

// bound: null, or where the result's cheapBound goes (only the outermost
// call's is wanted).
std::optional<Json> evalCall(const ix::CallNode& call, const EvalContext& ctx, std::string_view field,
                             Failure* failure, SizeBound* bound, uint32_t movableArgs) {
  ix::Args values(call.args.size());
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (!evalArg(call.args[i], ctx, field, movableArgs & 1, &values[i], failure)) return std::nullopt;
    movableArgs >>= 1;
  }
  std::string cause;
  std::optional<Json> result;
  try {
    result = dispatch(call.fn, values, ctx, &cause);
  } catch (const std::exception& e) {  // nlohmann type errors: never escape the API
    cause = std::string("Invalid arguments in ") + ix::functionInfo(call.fn).name + ": " + e.what();
  }
  if (!result) *failure = Failure{"States.IntrinsicFailure", cause};
  if (result && bound) *bound = cheapBound(call.fn, values);
  return result;
}

// States.MathAdd of two integers in Java's int range, each a literal or a
// plain path: the loop counter's increment, added without building argument
// values or a failure. nullopt: not that case, and evalCall decides (its
// result and its errors are the same for the cases taken here).
std::optional<Json> quickMathAdd(const ix::CallNode& call, const EvalContext& ctx) {
  if (call.fn != FunctionId::MathAdd || call.args.size() != 2) return std::nullopt;
  int64_t sum = 0;
  for (const ix::Arg& arg : call.args) {
    const Json* v = arg.kind == ix::Arg::Kind::Literal ? &arg.literal
                    : arg.kind == ix::Arg::Kind::Path  ? peekPath(*arg.path, ctx)
                                                       : nullptr;
    std::optional<int64_t> x = v ? exactInt64(*v) : std::nullopt;
    if (!x || *x < INT32_MIN || *x > INT32_MAX) return std::nullopt;
    sum += *x;
  }
  return Json(sum);
}

}  // namespace

std::optional<Json> IntrinsicCall::evaluate(const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                                            SizeBound* resultBound, uint32_t movableArgs) const {
  if (resultBound) *resultBound = SizeBound();
  if (std::optional<Json> sum = quickMathAdd(*root_, ctx)) return sum;
  Failure scratch;
  Failure* sink = failure ? failure : &scratch;
  try {
    return evalCall(*root_, ctx, fieldName, sink, resultBound, movableArgs);
  } catch (const std::exception& e) {  // nothing escapes the API
    *sink = Failure{"States.Runtime", e.what()};
    return std::nullopt;
  }
}

// JsonMerge builds its result from its arguments' members: moved, a
// loop's merge of its state's document costs no copy of it. Not for a call
// with nested calls among its arguments: a template renders its moving call
// last, and a nested States.UUID would then draw out of turn.
uint32_t IntrinsicCall::argsWorthMoving() const {
  if (root_->fn != FunctionId::JsonMerge) return 0;
  for (const ix::Arg& arg : root_->args)
    if (arg.kind == ix::Arg::Kind::Call) return 0;
  uint32_t args = 0;
  for (size_t i = 0; i < 2 && i < root_->args.size(); ++i)
    if (const JsonPath* path = argPath(i); path && path->isPlainChain() && !path->isRoot() &&
                                           !path->isContextPath() && !path->isVariablePath())
      args |= 1u << i;
  return args;
}

const JsonPath* IntrinsicCall::argPath(size_t i) const {
  const ix::Arg& arg = root_->args[i];
  return arg.kind == ix::Arg::Kind::Path ? &*arg.path : nullptr;
}

namespace {

bool allArgPaths(const ix::CallNode& call, const std::function<bool(const JsonPath&)>& pred) {
  for (const ix::Arg& arg : call.args) {
    if (arg.kind == ix::Arg::Kind::Path && !pred(*arg.path)) return false;
    if (arg.kind == ix::Arg::Kind::Call && !allArgPaths(*arg.call, pred)) return false;
  }
  return true;
}

}  // namespace

bool IntrinsicCall::allPaths(const std::function<bool(const JsonPath&)>& pred) const { return allArgPaths(*root_, pred); }

namespace intrinsic_detail {

std::string describeType(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::string:
      return "string";
    case Json::value_t::array:
      return "array";
    case Json::value_t::object:
      return "object";
    default:
      return "number";
  }
}

static bool badArg(size_t i, const char* fn, const char* want, const Json& got,
                   std::string* cause) {
  *cause = "Invalid arguments in " + std::string(fn) + ": argument " + std::to_string(i + 1) +
           " must be " + want + ", but was " + describeType(got) + " " + got.dump();
  return false;
}

bool wantString(const Args& a, size_t i, const char* fn, std::string* cause) {
  return a[i].value().is_string() || badArg(i, fn, "a string", a[i].value(), cause);
}

bool wantArray(const Args& a, size_t i, const char* fn, std::string* cause) {
  return a[i].value().is_array() || badArg(i, fn, "an array", a[i].value(), cause);
}

bool wantInteger(const Args& a, size_t i, const char* fn, int64_t* out, std::string* cause) {
  const Json& v = a[i].value();
  // (exactInt64: an unsigned value past int64 would wrap to a negative one)
  if (std::optional<int64_t> n = exactInt64(v)) return *out = *n, true;
  if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
      std::fabs(v.get<double>()) < 9e18)
    return *out = static_cast<int64_t>(v.get<double>()), true;
  return badArg(i, fn, "an integer", v, cause);
}

int64_t javaRound(double x) { return static_cast<int64_t>(std::floor(x + 0.5)); }

}  // namespace intrinsic_detail
}  // namespace aslrt
