// Intrinsic functions of the JSONPath query language ("States.Format(...)").
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "aslrt/failure.h"
#include "aslrt/json.h"
#include "aslrt/jsonpath.h"
#include "aslrt/lazy_rng.h"

namespace aslrt {

struct SizeBound;  // aslrt/payload_size.h

// What paths and intrinsics read from while a state runs.
struct EvalContext {
  const Json* input = nullptr;      // the effective input ($)
  const Json* context = nullptr;    // the context object ($$)
  const Json* variables = nullptr;  // object: variable name -> value (null = none)
  std::mt19937_64* rng = nullptr;   // seeded by the run; States.UUID / States.MathRandom
  LazyRng* lazyRng = nullptr;       // the run's, seeded on first draw; used when rng is null
  // A Map item read where it lies (in the Map's input) rather than copied
  // into `context`, whose $$.Map.Item.Value is then left null: context paths
  // with a JsonPath::mapItemPath() read it here. Set only for templates whose
  // other context paths avoid the item (PayloadTemplate::canBorrowMapItem).
  const Json* mapItem = nullptr;
  // The generator States.UUID / States.MathRandom draw from: rng, else
  // lazyRng, else one per thread seeded from std::random_device.
  std::mt19937_64& random() const;
};

// Selects `path` from the root EvalContext picks for it (input, context
// object or variables). nullopt when a definite path matches nothing (or the
// root is absent); *whyNot then gets Jayway's explanation if asked for (for a
// path read from a borrowed Map item, the explanation names the path relative to it).
std::optional<Json> selectPath(const JsonPath& path, const EvalContext& ctx,
                               std::string* whyNot = nullptr);
// AWS's cause for a path that matched nothing in a payload template / intrinsic:
// "The JSONPath '<path>' specified for the field '<field>' could not be found
// in the input '<compact input>'".
std::string pathNotFoundCause(const JsonPath& path, std::string_view fieldName,
                              const EvalContext& ctx);

namespace intrinsic_detail {
struct CallNode;
}

class IntrinsicCall {
 public:
  // True when a "*.$" value is an intrinsic call rather than a path.
  static bool looksLikeCall(std::string_view text);
  // Parses a whole call, nested calls included; offsets in *error are into text.
  static std::optional<IntrinsicCall> parse(std::string_view text, SyntaxError* error);

  const std::string& text() const { return text_; }
  // fieldName is the template key (with ".$") used in AWS's causes.
  // Failures: "States.IntrinsicFailure" for bad arguments, "States.Runtime"
  // for an argument path that matches nothing.
  // resultBound, when given, receives bounds on the result's serialised
  // size and depth where the function has them for free (StringToJson's);
  // otherwise it is left unknown and the caller measures the value.
  // movableArgs: bit i set when the outermost call's argument i is a path
  // into ctx.input that nothing reads after this call (the input is dead and
  // no other read of the template overlaps it): the function may then move
  // the value out of the input instead of copying it. Only bits from
  // argsWorthMoving().
  std::optional<Json> evaluate(const EvalContext& ctx, std::string_view fieldName, Failure* failure,
                               SizeBound* resultBound = nullptr, uint32_t movableArgs = 0) const;
  // The outermost call's arguments that are plain input paths ("$.a.b")
  // and that its function would rather move than copy (bit i: argument i).
  uint32_t argsWorthMoving() const;
  // The outermost call's argument i when it is a path, else nullptr.
  const JsonPath* argPath(size_t i) const;
  // Whether every path among the arguments (nested calls included) satisfies pred.
  bool allPaths(const std::function<bool(const JsonPath&)>& pred) const;

 private:
  IntrinsicCall(std::string text, std::shared_ptr<const intrinsic_detail::CallNode> root)
      : text_(std::move(text)), root_(std::move(root)) {}
  std::string text_;
  std::shared_ptr<const intrinsic_detail::CallNode> root_;
};

}  // namespace aslrt
