// Math intrinsics. AWS rounds non-integer arguments to the nearest integer
// with Java's Math.round (half up: -1.5 -> -1, 2.5 -> 3), which the recorded
// MathAdd cases confirm argument by argument (1.49 + 1.5 = 1 + 2 = 3).
#include <cmath>
#include <limits>

#include "intrinsic_ast.h"

namespace aslrt::intrinsic_detail {
namespace {

bool fail(std::string* cause, const char* fn, const std::string& why) {
  *cause = std::string("Invalid arguments in ") + fn + ": " + why;
  return false;
}

// AWS's MathAdd/MathRandom take Java ints.
bool roundedInt(const Args& args, size_t i, const char* fn, int64_t* out, std::string* cause) {
  const Json& v = args[i].value();
  if (!v.is_number())
    return fail(cause, fn,
                "argument " + std::to_string(i + 1) + " must be a number, but was " +
                    describeType(v) + " " + v.dump());
  // An unsigned value above INT64_MAX would wrap to a negative int64_t.
  bool huge = v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int32_t>::max());
  *out = v.is_number_float() ? javaRound(v.get<double>()) : v.get<int64_t>();
  if (huge || *out < std::numeric_limits<int32_t>::min() || *out > std::numeric_limits<int32_t>::max())
    return fail(cause, fn, "argument " + std::to_string(i + 1) + " is outside the integer range");
  return true;
}

// java.util.Random, so a given seed always yields the same number, as it does
// on AWS (which documents the seed as making the result repeatable).
class JavaRandom {
 public:
  explicit JavaRandom(int64_t seed) : seed_((seed ^ 0x5DEECE66DLL) & kMask) {}
  int32_t nextInt(int32_t bound) {
    if ((bound & -bound) == bound)
      return static_cast<int32_t>((bound * static_cast<int64_t>(next(31))) >> 31);
    int32_t bits, val;
    do {
      bits = next(31);
      val = bits % bound;
    } while (static_cast<int32_t>(static_cast<uint32_t>(bits) - static_cast<uint32_t>(val) +
                                  static_cast<uint32_t>(bound - 1)) < 0);  // Java int overflow
    return val;
  }

 private:
  static constexpr int64_t kMask = (1LL << 48) - 1;
  int32_t next(int bits) {
    seed_ = static_cast<int64_t>((static_cast<uint64_t>(seed_) * 0x5DEECE66DULL + 0xBULL) & kMask);
    return static_cast<int32_t>(static_cast<uint64_t>(seed_) >> (48 - bits));
  }
  int64_t seed_;
};

}  // namespace

std::optional<Json> evalMathAdd(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.MathAdd";
  int64_t a = 0, b = 0;
  if (!roundedInt(args, 0, fn, &a, cause) || !roundedInt(args, 1, fn, &b, cause))
    return std::nullopt;
  return Json(a + b);
}

// A number in [start, end).
std::optional<Json> evalMathRandom(const Args& args, const EvalContext& ctx, std::string* cause) {
  const char* fn = "States.MathRandom";
  int64_t start = 0, end = 0, seed = 0;
  if (!roundedInt(args, 0, fn, &start, cause) || !roundedInt(args, 1, fn, &end, cause))
    return std::nullopt;
  if (args.size() > 2 && !roundedInt(args, 2, fn, &seed, cause)) return std::nullopt;
  if (end <= start) return fail(cause, fn, "the end must be greater than the start"), std::nullopt;
  int64_t span = end - start;
  if (span > std::numeric_limits<int32_t>::max())
    return fail(cause, fn, "the range is too large"), std::nullopt;
  if (args.size() > 2) return Json(start + JavaRandom(seed).nextInt(static_cast<int32_t>(span)));
  std::mt19937_64& rng = ctx.random();
  return Json(start + static_cast<int64_t>(rng() % static_cast<uint64_t>(span)));
}

}  // namespace aslrt::intrinsic_detail
