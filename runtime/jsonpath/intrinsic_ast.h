// Parsed intrinsic calls and the signature every intrinsic implements.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aslrt/intrinsics.h"

namespace aslrt::intrinsic_detail {

enum class FunctionId {
#define ASLRT_INTRINSIC(id, name, minArgs, maxArgs) id,
#include "intrinsics.def"
#undef ASLRT_INTRINSIC
};

struct FunctionInfo {
  FunctionId id;
  const char* name;
  int minArgs;
  int maxArgs;  // -1: unbounded
};
const FunctionInfo* findFunction(std::string_view name);
const FunctionInfo& functionInfo(FunctionId id);

struct CallNode;

struct Arg {
  enum class Kind { Literal, Path, Call };
  Kind kind = Kind::Literal;
  Json literal;
  std::optional<std::string> raw;  // a string literal's text between the quotes, escapes kept
  std::optional<JsonPath> path;
  std::shared_ptr<const CallNode> call;
};

struct CallNode {
  FunctionId fn;
  std::vector<Arg> args;
};

// An evaluated argument. Literals and nodes a plain path reaches in the
// input are borrowed, not copied: most intrinsics only read their arguments.
// Nested calls' results (and selections built during evaluation) are owned.
// States.Format needs a literal template's escapes (raw).
// `owned` is engaged only when used: a borrowed argument then costs no Json
// destructor at all.
// `movable`: the value, when nothing reads it after the call (it is owned,
// or taken from a dead input: IntrinsicCall::evaluate's movableArgs), so the
// function may move from it instead of copying.
struct ArgValue {
  const Json* borrowed = nullptr;
  std::optional<Json> owned;
  const std::string* raw = nullptr;
  Json* movable = nullptr;
  const Json& value() const { return borrowed ? *borrowed : *owned; }
  void own(Json&& v) { movable = &owned.emplace(std::move(v)); }
};

// A call's evaluated arguments. Up to three live inline: only Format and
// Array take more, so most calls allocate nothing for their arguments.
class Args {
 public:
  explicit Args(size_t count) : count_(count) {
    if (count > kInline) spilled_.resize(count);
  }
  size_t size() const { return count_; }
  ArgValue& operator[](size_t i) { return data()[i]; }
  const ArgValue& operator[](size_t i) const { return begin()[i]; }
  const ArgValue* begin() const { return count_ > kInline ? spilled_.data() : inline_; }
  const ArgValue* end() const { return begin() + count_; }

 private:
  ArgValue* data() { return count_ > kInline ? spilled_.data() : inline_; }
  static constexpr size_t kInline = 3;
  size_t count_;
  ArgValue inline_[kInline];
  std::vector<ArgValue> spilled_;
};

// Every intrinsic: nullopt + *cause on bad arguments (States.IntrinsicFailure).
#define ASLRT_INTRINSIC(id, name, minArgs, maxArgs) \
  std::optional<Json> eval##id(const Args& args, const EvalContext& ctx, std::string* cause);
#include "intrinsics.def"
#undef ASLRT_INTRINSIC

// Shared argument checks; each returns false and fills *cause on mismatch.
std::string describeType(const Json& v);
bool wantString(const Args& a, size_t i, const char* fn, std::string* cause);
bool wantArray(const Args& a, size_t i, const char* fn, std::string* cause);
bool wantInteger(const Args& a, size_t i, const char* fn, int64_t* out, std::string* cause);
// Java's Math.round: floor(x + 0.5), which AWS applies to MathAdd/MathRandom.
int64_t javaRound(double x);

}  // namespace aslrt::intrinsic_detail
