// Value construction, JSON conversion and deep equality.
#include "value.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/json_parse.h"

#include "errors.h"
#include "function.h"

namespace aslrt::jsonata {

Value Value::null() { Value v; v.t_ = Type::Null; return v; }
Value Value::boolean(bool b) { Value v; v.t_ = Type::Bool; v.b_ = b; return v; }
Value Value::number(double d) { Value v; v.t_ = Type::Number; v.n_ = d; return v; }
Value Value::string(std::string s) {
  Value v;
  v.t_ = Type::String;
  v.p_ = std::make_shared<std::string>(std::move(s));
  return v;
}
Value Value::array() {
  Value v;
  v.t_ = Type::Array;
  v.p_ = std::make_shared<ArrayData>();
  return v;
}
Value Value::sequence() {
  Value v = array();
  v.arr().sequence = true;
  return v;
}
Value Value::object() {
  Value v;
  v.t_ = Type::Object;
  v.p_ = std::make_shared<ObjectData>();
  return v;
}
Value Value::function(std::shared_ptr<FunctionData> f) {
  Value v;
  v.t_ = Type::Function;
  v.p_ = std::move(f);
  return v;
}

namespace {

void takeNested(Value& v, std::vector<Value>& pending) {
  if ((v.isArray() || v.isObject()) && v.identity()) pending.push_back(std::move(v));  // (not a moved-from one)
}

// Frees the containers in `pending` and all they own, a level at a time: one
// that dies here (no other value shares it) first hands its nested
// containers to `pending`, so its destructor finds none to recurse into. A
// shared one only loses a reference: whoever holds the last frees it.
void dismantle(std::vector<Value>& pending) {
  while (!pending.empty()) {
    Value v = std::move(pending.back());
    pending.pop_back();
    if (!v.ownsContainer()) continue;
    if (v.isArray())
      for (Value& item : v.arr().items) takeNested(item, pending);
    else
      for (auto& entry : v.obj().entries) takeNested(entry.second, pending);
  }
}

}  // namespace

ArrayData::~ArrayData() {
  std::vector<Value> pending;
  for (Value& item : items) takeNested(item, pending);
  dismantle(pending);
}

ObjectData::~ObjectData() {
  std::vector<Value> pending;
  for (auto& entry : entries) takeNested(entry.second, pending);
  dismantle(pending);
}

// Small objects are scanned linearly; large ones (datasets) get a hash index.
const Value* ObjectData::get(const std::string& key) const {
  if (entries.size() <= 8) {
    for (auto& e : entries)
      if (e.first == key) return &e.second;
    return nullptr;
  }
  if (!indexed_) reindex();
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &entries[it->second].second;
}

void ObjectData::reindex() const {
  index_.clear();
  for (size_t i = 0; i < entries.size(); ++i) index_[entries[i].first] = i;
  indexed_ = true;
}

void ObjectData::set(const std::string& key, Value v) {
  if (const Value* existing = get(key)) {
    *const_cast<Value*>(existing) = std::move(v);
    return;
  }
  entries.emplace_back(key, std::move(v));
  if (indexed_) index_[key] = entries.size() - 1;
}

bool ObjectData::erase(const std::string& key) {
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].first != key) continue;
    entries.erase(entries.begin() + static_cast<long>(i));
    indexed_ = false;
    return true;
  }
  return false;
}

template <typename J>
Value convertJson(const J& j) {
  switch (j.type()) {
    case J::value_t::null: return Value::null();
    case J::value_t::boolean: return Value::boolean(j.template get<bool>());
    case J::value_t::number_integer:
    case J::value_t::number_unsigned:
    case J::value_t::number_float: return Value::number(j.template get<double>());
    case J::value_t::string: return Value::string(j.template get<std::string>());
    case J::value_t::array: {
      Value a = Value::array();
      a.arr().items.reserve(j.size());
      for (auto& e : j) a.arr().items.push_back(convertJson(e));
      return a;
    }
    case J::value_t::object: {
      Value o = Value::object();
      o.obj().entries.reserve(j.size());
      for (auto& [k, e] : j.items()) o.obj().entries.emplace_back(k, convertJson(e));
      return o;
    }
    default: return Value();
  }
}

Value fromJson(const Json& j) { return convertJson(j); }

// A whole number from 2^53 up as JavaScript prints it below 1e21: the
// shortest digits that read back as d, then zeros (1234567890123456789 reads
// as 1234567890123456768 and prints 1234567890123456800) -- as a JSON
// integer when one holds it, not in an exponent form JS never uses there.
static std::optional<Json> largeWholeNumber(double d) {
  if (std::fabs(d) >= 1e21) return std::nullopt;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  if (ec != std::errc()) return std::nullopt;
  std::string_view text(buf, static_cast<size_t>(end - buf));  // "1.2345678901234568e+18"
  size_t e = text.find('e');
  int exponent = std::stoi(std::string(text.substr(e + 1)));
  std::string digits;
  for (char c : text.substr(0, e))
    if (c != '.') digits += c;
  if (exponent + 1 < static_cast<int>(digits.size())) return std::nullopt;  // not whole: cannot happen
  digits.append(static_cast<size_t>(exponent + 1) - digits.size(), '0');
  uint64_t magnitude = 0;
  auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  if (parsed.ec != std::errc()) return std::nullopt;  // past 2^64
  if (d > 0) return Json(magnitude);
  if (magnitude > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return Json(-static_cast<int64_t>(magnitude));
}

// Numbers print as JS prints them: integral doubles become JSON integers.
static Json numberToJson(double d) {
  if (!std::isfinite(d)) throw JsonataError("D1001", "Number out of range");
  if (isInteger(d) && std::fabs(d) < 9007199254740992.0) return Json(static_cast<int64_t>(d));
  if (isInteger(d))
    if (std::optional<Json> whole = largeWholeNumber(d)) return *whole;
  return Json(d);
}

namespace {

Json toJsonAt(const Value& v, size_t depth) {
  if ((v.isArray() || v.isObject()) && ++depth > kMaxJsonNesting)
    throw JsonataError("U1001", "The result " + valueNestedTooDeep());
  switch (v.type()) {
    case Type::Undefined:
    case Type::Null: return Json(nullptr);
    case Type::Bool: return Json(v.b());
    case Type::Number: return numberToJson(v.n());
    case Type::String: return Json(v.s());
    case Type::Function: return Json("");
    case Type::Array: {
      Json a = Json::array();
      for (auto& e : v.arr().items)
        if (!e.isUndefined()) a.push_back(toJsonAt(e, depth));
      return a;
    }
    case Type::Object: {
      Json o = Json::object();
      for (auto& [k, e] : v.obj().entries)
        if (!e.isUndefined()) o[k] = toJsonAt(e, depth);
      return o;
    }
  }
  return Json(nullptr);
}

}  // namespace

Json toJson(const Value& v) { return toJsonAt(v, 0); }

bool deepEqual(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  if (a.isArray() || a.isObject()) checkValueStack();
  switch (a.type()) {
    case Type::Undefined:
    case Type::Null: return true;
    case Type::Bool: return a.b() == b.b();
    case Type::Number: return a.n() == b.n();
    case Type::String: return a.s() == b.s();
    case Type::Function: return a.identity() == b.identity();
    case Type::Array: {
      auto& x = a.arr().items;
      auto& y = b.arr().items;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!deepEqual(x[i], y[i])) return false;
      return true;
    }
    case Type::Object: {
      auto& x = a.obj();
      auto& y = b.obj();
      if (x.size() != y.size()) return false;
      for (auto& [k, e] : x.entries) {
        const Value* other = y.get(k);
        if (!other || !deepEqual(e, *other)) return false;
      }
      return true;
    }
  }
  return false;
}

bool isInteger(double d) { return std::isfinite(d) && std::floor(d) == d; }

bool isArrayOfStrings(const Value& v) {
  if (!v.isArray()) return false;
  for (auto& e : v.arr().items)
    if (!e.isString()) return false;
  return true;
}

bool isArrayOfNumbers(const Value& v) {
  if (!v.isArray()) return false;
  for (auto& e : v.arr().items)
    if (!e.isNumber()) return false;
  return true;
}

Value makeSequence(Value item) {
  Value s = Value::sequence();
  if (!item.isUndefined()) s.arr().items.push_back(std::move(item));
  return s;
}

Value arrayOf(std::vector<Value> items) {
  Value a = Value::array();
  a.arr().items = std::move(items);
  return a;
}

Value deepClone(const Value& v) {
  if (v.isArray() || v.isObject()) checkValueStack();
  if (v.isArray()) {
    Value a = Value::array();
    a.arr().items.reserve(v.arr().items.size());
    for (auto& e : v.arr().items) a.arr().items.push_back(deepClone(e));
    return a;
  }
  if (v.isObject()) {
    Value o = Value::object();
    for (auto& [k, e] : v.obj().entries) o.obj().entries.emplace_back(k, deepClone(e));
    return o;
  }
  return v;
}

Value unwrapSequence(const Value& v) {
  if (!v.isArray() || !v.arr().sequence) return v;
  auto& items = v.arr().items;
  if (items.empty()) return Value();
  if (items.size() == 1 && !v.arr().keepSingleton) return items[0];
  return v;
}

}  // namespace aslrt::jsonata
