// Array intrinsics. Limits from the AWS page "Intrinsics for arrays":
// ArrayRange produces at most 1000 items and needs a non-zero step.
#include <algorithm>

#include "intrinsic_ast.h"

namespace aslrt::intrinsic_detail {
namespace {
constexpr int64_t kMaxRangeItems = 1000;

bool fail(std::string* cause, const char* fn, const std::string& why) {
  *cause = std::string("Invalid arguments in ") + fn + ": " + why;
  return false;
}

// ArrayUnique of integers (signed or not, as a signed 64-bit value holds
// them), where equal values are equal integers: each value marked seen in a
// bit table of the values' span when that is small (on the stack for short
// arrays), else the values sorted once, instead of searching what was kept
// for each item. False, with nothing kept, for any other array.
bool keepFirstIntegers(const Json::array_t& items, Json::array_t& kept) {
  if (items.empty()) return true;
  int64_t low = INT64_MAX, high = INT64_MIN;
  for (const Json& item : items) {
    std::optional<int64_t> v = exactInt64(item);
    if (!v) return false;
    low = std::min(low, *v), high = std::max(high, *v);
  }
  // (in unsigned arithmetic: the span of INT64_MIN..INT64_MAX overflows a signed one)
  auto offset = [low](const Json& item) { return static_cast<uint64_t>(*exactInt64(item)) - static_cast<uint64_t>(low); };
  uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
  if (span < 16 * items.size() + 64) {
    constexpr size_t kInlineWords = 32;  // 2,048 values
    uint64_t inlineSeen[kInlineWords] = {};
    size_t words = span / 64 + 1;
    std::vector<uint64_t> spilled(words > kInlineWords ? words : 0);
    uint64_t* seen = spilled.empty() ? inlineSeen : spilled.data();
    for (const Json& item : items) {
      uint64_t at = offset(item), bit = uint64_t(1) << (at % 64);
      if (seen[at / 64] & bit) continue;
      seen[at / 64] |= bit;
      kept.push_back(item);
    }
    return true;
  }
  std::vector<std::pair<uint64_t, uint32_t>> byValue;  // (offset, index)
  byValue.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) byValue.emplace_back(offset(items[i]), static_cast<uint32_t>(i));
  std::sort(byValue.begin(), byValue.end());
  std::vector<bool> first(items.size(), false);
  for (size_t i = 0; i < byValue.size(); ++i)
    if (i == 0 || byValue[i].first != byValue[i - 1].first) first[byValue[i].second] = true;
  for (size_t i = 0; i < items.size(); ++i)
    if (first[i]) kept.push_back(items[i]);
  return true;
}
}  // namespace

std::optional<Json> evalArray(const Args& args, const EvalContext&, std::string*) {
  Json out = Json::array();
  for (const auto& a : args) out.push_back(a.value());
  return out;
}

std::optional<Json> evalArrayPartition(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.ArrayPartition";
  int64_t size = 0;
  if (!wantArray(args, 0, fn, cause) || !wantInteger(args, 1, fn, &size, cause))
    return std::nullopt;
  if (size <= 0) return fail(cause, fn, "chunk size must be greater than 0"), std::nullopt;
  const Json::array_t& items = args[0].value().get_ref<const Json::array_t&>();
  size_t step = static_cast<size_t>(size);
  Json out = Json::array();
  Json::array_t& chunks = out.get_ref<Json::array_t&>();
  chunks.reserve(items.size() / step + (items.size() % step != 0));
  for (size_t i = 0; i < items.size(); i += step) {
    auto first = items.begin() + static_cast<std::ptrdiff_t>(i);
    auto last = first + static_cast<std::ptrdiff_t>(std::min(step, items.size() - i));
    chunks.emplace_back(Json::array_t(first, last));  // one allocation per chunk
  }
  return out;
}

std::optional<Json> evalArrayContains(const Args& args, const EvalContext&, std::string* cause) {
  if (!wantArray(args, 0, "States.ArrayContains", cause)) return std::nullopt;
  for (const auto& item : args[0].value()) {
    if (item == args[1].value()) return Json(true);
  }
  return Json(false);
}

std::optional<Json> evalArrayRange(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.ArrayRange";
  int64_t first = 0, last = 0, step = 0;
  if (!wantInteger(args, 0, fn, &first, cause) || !wantInteger(args, 1, fn, &last, cause) ||
      !wantInteger(args, 2, fn, &step, cause))
    return std::nullopt;
  if (step == 0) return fail(cause, fn, "step must not be 0"), std::nullopt;
  bool empty = (step > 0 && first > last) || (step < 0 && first < last);
  // In 128 bits: last - first and first + k * step can leave the 64-bit range.
  using Wide = __int128;
  Wide count = empty ? 0 : (Wide(last) - Wide(first)) / Wide(step) + 1;
  if (count > kMaxRangeItems)
    return fail(cause, fn, "the range must not contain more than 1000 items"), std::nullopt;
  Json out = Json::array();
  for (Wide k = 0; k < count; ++k) out.push_back(static_cast<int64_t>(Wide(first) + k * Wide(step)));
  return out;
}

std::optional<Json> evalArrayGetItem(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.ArrayGetItem";
  int64_t index = 0;
  if (!wantArray(args, 0, fn, cause) || !wantInteger(args, 1, fn, &index, cause))
    return std::nullopt;
  const Json& items = args[0].value();
  if (index < 0 || index >= static_cast<int64_t>(items.size()))
    return fail(cause, fn, "index " + std::to_string(index) + " is out of bounds"), std::nullopt;
  return items[static_cast<size_t>(index)];
}

std::optional<Json> evalArrayLength(const Args& args, const EvalContext&, std::string* cause) {
  if (!wantArray(args, 0, "States.ArrayLength", cause)) return std::nullopt;
  return Json(args[0].value().size());
}

std::optional<Json> evalArrayUnique(const Args& args, const EvalContext&, std::string* cause) {
  if (!wantArray(args, 0, "States.ArrayUnique", cause)) return std::nullopt;
  // Json equality: 1, 1u and 1.0 are equal (they would hash apart).
  const Json::array_t& items = args[0].value().get_ref<const Json::array_t&>();
  Json out = Json::array();
  Json::array_t& kept = out.get_ref<Json::array_t&>();
  kept.reserve(items.size());  // at most all of them: one allocation, no regrowth
  if (keepFirstIntegers(items, kept)) return out;
  for (const Json& item : items)
    if (std::find(kept.begin(), kept.end(), item) == kept.end()) kept.push_back(item);
  return out;
}

}  // namespace aslrt::intrinsic_detail
