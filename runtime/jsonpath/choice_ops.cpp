#include "aslrt/choice_ops.h"

#include <string>

#include "aslrt/timestamp.h"
#include "aslrt/utf16_order.h"

namespace aslrt {
namespace {

struct OpInfo {
  ChoiceOp op;
  std::string_view name;
  bool hasPathForm;
};

constexpr OpInfo kOps[] = {
    {ChoiceOp::StringEquals, "StringEquals", true},
    {ChoiceOp::StringLessThan, "StringLessThan", true},
    {ChoiceOp::StringGreaterThan, "StringGreaterThan", true},
    {ChoiceOp::StringLessThanEquals, "StringLessThanEquals", true},
    {ChoiceOp::StringGreaterThanEquals, "StringGreaterThanEquals", true},
    {ChoiceOp::StringMatches, "StringMatches", false},
    {ChoiceOp::NumericEquals, "NumericEquals", true},
    {ChoiceOp::NumericLessThan, "NumericLessThan", true},
    {ChoiceOp::NumericGreaterThan, "NumericGreaterThan", true},
    {ChoiceOp::NumericLessThanEquals, "NumericLessThanEquals", true},
    {ChoiceOp::NumericGreaterThanEquals, "NumericGreaterThanEquals", true},
    {ChoiceOp::BooleanEquals, "BooleanEquals", true},
    {ChoiceOp::TimestampEquals, "TimestampEquals", true},
    {ChoiceOp::TimestampLessThan, "TimestampLessThan", true},
    {ChoiceOp::TimestampGreaterThan, "TimestampGreaterThan", true},
    {ChoiceOp::TimestampLessThanEquals, "TimestampLessThanEquals", true},
    {ChoiceOp::TimestampGreaterThanEquals, "TimestampGreaterThanEquals", true},
    {ChoiceOp::IsNull, "IsNull", false},
    {ChoiceOp::IsPresent, "IsPresent", false},
    {ChoiceOp::IsNumeric, "IsNumeric", false},
    {ChoiceOp::IsString, "IsString", false},
    {ChoiceOp::IsBoolean, "IsBoolean", false},
    {ChoiceOp::IsTimestamp, "IsTimestamp", false},
};

enum class Family { String, Matches, Numeric, Boolean, Timestamp, TypeTest };

Family familyOf(ChoiceOp op) {
  if (op <= ChoiceOp::StringGreaterThanEquals) return Family::String;
  if (op == ChoiceOp::StringMatches) return Family::Matches;
  if (op <= ChoiceOp::NumericGreaterThanEquals) return Family::Numeric;
  if (op == ChoiceOp::BooleanEquals) return Family::Boolean;
  if (op <= ChoiceOp::TimestampGreaterThanEquals) return Family::Timestamp;
  return Family::TypeTest;
}

// Maps a three-way comparison to the operator's verdict; the five operators
// of each family are declared in the same order (Equals, <, >, <=, >=).
bool verdict(int cmp, int position) {
  switch (position) {
    case 0:
      return cmp == 0;
    case 1:
      return cmp < 0;
    case 2:
      return cmp > 0;
    case 3:
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

int positionIn(ChoiceOp op, ChoiceOp first) {
  return static_cast<int>(op) - static_cast<int>(first);
}

template <typename T>
int threeWay(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Integers compare exactly; anything with a fraction compares as double.
// (Parsed non-negative integers are unsigned, computed ones signed: a loop
// counter is often one of each, so mixed signs are compared without a
// conversion to long double.)
int compareNumbers(const Json& a, const Json& b) {
  if (a.is_number_float() || b.is_number_float()) return threeWay(a.get<double>(), b.get<double>());
  // (get_ptr<number_integer_t*> answers for unsigned values too: ask the type first.)
  bool aUnsigned = a.is_number_unsigned(), bUnsigned = b.is_number_unsigned();
  if (aUnsigned && bUnsigned)
    return threeWay(*a.get_ptr<const Json::number_unsigned_t*>(), *b.get_ptr<const Json::number_unsigned_t*>());
  if (!aUnsigned && !bUnsigned)
    return threeWay(*a.get_ptr<const Json::number_integer_t*>(), *b.get_ptr<const Json::number_integer_t*>());
  if (aUnsigned) {
    int64_t bs = *b.get_ptr<const Json::number_integer_t*>();
    return bs < 0 ? 1 : threeWay(*a.get_ptr<const Json::number_unsigned_t*>(), static_cast<uint64_t>(bs));
  }
  int64_t as = *a.get_ptr<const Json::number_integer_t*>();
  return as < 0 ? -1 : threeWay(static_cast<uint64_t>(as), *b.get_ptr<const Json::number_unsigned_t*>());
}

bool isTimestamp(const Json& v) {
  return v.is_string() && parseTimestampMicros(v.get<std::string>());
}

bool typeTest(ChoiceOp op, const Json* value, bool expected) {
  if (op == ChoiceOp::IsPresent) return (value != nullptr) == expected;
  if (!value) return false;
  bool actual = op == ChoiceOp::IsNull      ? value->is_null()
                : op == ChoiceOp::IsNumeric ? value->is_number()
                : op == ChoiceOp::IsString  ? value->is_string()
                : op == ChoiceOp::IsBoolean ? value->is_boolean()
                                            : isTimestamp(*value);
  return actual == expected;
}

bool compareTimestamps(ChoiceOp op, const Json& value, const Json& operand) {
  if (!value.is_string() || !operand.is_string()) return false;
  auto a = parseTimestampMicros(value.get<std::string>());
  auto b = parseTimestampMicros(operand.get<std::string>());
  if (!a || !b) return false;
  return verdict(threeWay(*a, *b), positionIn(op, ChoiceOp::TimestampEquals));
}

}  // namespace

std::optional<ChoiceOp> choiceOpFromName(std::string_view name, bool* isPathForm) {
  bool path = name.size() > 4 && name.substr(name.size() - 4) == "Path";
  std::string_view base = path ? name.substr(0, name.size() - 4) : name;
  for (const auto& info : kOps) {
    if (info.name != base || (path && !info.hasPathForm)) continue;
    if (isPathForm) *isPathForm = path;
    return info.op;
  }
  return std::nullopt;
}

std::string_view choiceOpName(ChoiceOp op) { return kOps[static_cast<size_t>(op)].name; }

bool operandTypeOk(ChoiceOp op, const Json& operand) {
  switch (familyOf(op)) {
    case Family::String:
    case Family::Matches:
      return operand.is_string();
    case Family::Numeric:
      return operand.is_number();
    case Family::Timestamp:
      return isTimestamp(operand);
    default:
      return operand.is_boolean();
  }
}

bool evaluateChoiceOp(ChoiceOp op, const Json* value, const Json& operand) {
  Family family = familyOf(op);
  if (family == Family::TypeTest)
    return operand.is_boolean() && typeTest(op, value, operand.get<bool>());
  if (!value) return false;
  switch (family) {
    case Family::String:
      if (!value->is_string() || !operand.is_string()) return false;
      return verdict(compareUtf16(value->get_ref<const std::string&>(), operand.get_ref<const std::string&>()),
                     positionIn(op, ChoiceOp::StringEquals));
    case Family::Matches:
      return value->is_string() && operand.is_string() &&
             stringMatches(value->get<std::string>(), operand.get<std::string>());
    case Family::Numeric:
      if (!value->is_number() || !operand.is_number()) return false;
      return verdict(compareNumbers(*value, operand), positionIn(op, ChoiceOp::NumericEquals));
    case Family::Boolean:
      return value->is_boolean() && operand.is_boolean() && *value == operand;
    case Family::Timestamp:
      return compareTimestamps(op, *value, operand);
    default:
      return false;
  }
}

bool absentValueFails(ChoiceOp op) { return op != ChoiceOp::IsPresent; }

std::string choicePathInvalidCause(std::string_view pathText) {
  return "Invalid path '" + std::string(pathText) +
         "': The choice state's condition path references an invalid value.";
}

}  // namespace aslrt
