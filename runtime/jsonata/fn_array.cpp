// Array functions: $count, $append, $reverse, $shuffle, $sort, $zip, $distinct.
#include <algorithm>

#include "errors.h"
#include "functions.h"
#include "aslrt/utf16_order.h"

namespace aslrt::jsonata {

namespace {

// jsonata-js's merge sort: `swap(a, b)` true means b goes first. Stable.
void mergeSort(std::vector<Value>& v, const std::function<bool(const Value&, const Value&)>& swap) {
  if (v.size() <= 1) return;
  size_t mid = v.size() / 2;
  std::vector<Value> left(v.begin(), v.begin() + long(mid)), right(v.begin() + long(mid), v.end());
  mergeSort(left, swap);
  mergeSort(right, swap);
  size_t i = 0, j = 0, k = 0;
  while (i < left.size() && j < right.size()) v[k++] = swap(left[i], right[j]) ? right[j++] : left[i++];
  while (i < left.size()) v[k++] = left[i++];
  while (j < right.size()) v[k++] = right[j++];
}

Value sortArray(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  auto& items = a[0].arr().items;
  if (items.size() <= 1) return a[0];
  std::vector<Value> out = items;
  if (argAt(a, 1).isUndefined()) {
    if (!isArrayOfNumbers(a[0]) && !isArrayOfStrings(a[0])) throw JsonataError("D3070");
    mergeSort(out, [](const Value& x, const Value& y) { return x.isNumber() ? x.n() > y.n() : compareUtf16(x.s(), y.s()) > 0; });
  } else {
    Value fn = a[1];
    mergeSort(out, [&](const Value& x, const Value& y) { return truthy(ev.call(fn, {x, y})); });
  }
  return arrayOf(std::move(out));
}

Value distinct(const Value& v) {
  if (v.isUndefined() || !v.isArray() || v.arr().items.size() <= 1) return v;
  Value out = v.arr().sequence ? Value::sequence() : Value::array();
  auto& res = out.arr().items;
  for (auto& item : v.arr().items) {
    bool seen = std::any_of(res.begin(), res.end(), [&](const Value& r) { return deepEqual(r, item); });
    if (!seen) res.push_back(item);
  }
  return out;
}

Value zip(std::vector<Value>& a) {
  Value out = Value::array();
  if (a.empty()) return out;
  size_t len = SIZE_MAX;
  for (auto& arr : a) len = std::min(len, arr.isArray() ? arr.arr().items.size() : size_t(0));
  for (size_t i = 0; i < len; ++i) {
    Value tuple = Value::array();
    for (auto& arr : a) tuple.arr().items.push_back(arr.arr().items[i]);
    out.arr().items.push_back(tuple);
  }
  return out;
}

}  // namespace

void registerArrayFunctions(Registry& r) {
  addNative(r, "count", "<a:n>", 1, [](Evaluator&, std::vector<Value>& a) {
    return Value::number(a[0].isUndefined() ? 0 : double(a[0].arr().items.size()));
  });
  addNative(r, "append", "<xx:a>", 2, [](Evaluator&, std::vector<Value>& a) { return appendValues(a[0], a[1]); });
  addNative(r, "reverse", "<a:a>", 1, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    std::vector<Value> items = a[0].arr().items;
    std::reverse(items.begin(), items.end());
    return arrayOf(std::move(items));
  });
  addNative(r, "shuffle", "<a:a>", 1, [](Evaluator& ev, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    std::vector<Value> items = a[0].arr().items;
    std::shuffle(items.begin(), items.end(), ev.rng());
    return arrayOf(std::move(items));
  });
  addNative(r, "sort", "<af?:a>", 2, [](Evaluator& ev, std::vector<Value>& a) { return sortArray(ev, a); });
  addNative(r, "zip", "<a+>", 0, [](Evaluator&, std::vector<Value>& a) { return zip(a); });
  addNative(r, "distinct", "<x:x>", 1, [](Evaluator&, std::vector<Value>& a) { return distinct(a[0]); });
}

}  // namespace aslrt::jsonata
