// The functions AWS Step Functions adds to JSONata: $partition, $range,
// $hash, $random([seed]), $uuid, $parse.

#include <cmath>
#include <cstdio>

#include "aslrt/digest.h"
#include "aslrt/json_parse.h"
#include "errors.h"
#include "format_value.h"
#include "functions.h"
#include "program.h"
#include "signature.h"

namespace aslrt::jsonata {

namespace {

Value makeFn(const std::string& name, const std::string& signature, int arity, NativeImpl impl) {
  auto nf = std::make_shared<NativeFunction>();
  nf->name = name;
  nf->signature = parseSignature(signature, 0);
  nf->arity = arity;
  nf->impl = std::move(impl);
  return makeNative(nf);
}

Value partition(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  double size = a[1].n();
  if (!(size >= 1) || !isInteger(size)) throw JsonataError("D3040", "$partition: chunk size must be a positive integer");
  Value out = Value::array();
  auto& items = a[0].arr().items;
  // (a chunk larger than the array is the whole array: 1e300 does not fit a size_t)
  size_t step = size >= double(items.size()) ? std::max<size_t>(items.size(), 1) : size_t(size);
  for (size_t i = 0; i < items.size(); i += step) {
    size_t end = std::min(items.size(), i + step);
    out.arr().items.push_back(arrayOf(std::vector<Value>(items.begin() + long(i), items.begin() + long(end))));
  }
  return out;
}

// Inclusive range by step, like States.ArrayRange (at most 1000 items there;
// here bounded by the range operator's 1e7 limit).
Value range(std::vector<Value>& a) {
  double start = a[0].n(), end = a[1].n(), step = argAt(a, 2).isUndefined() ? 1 : a[2].n();
  if (step == 0 || !std::isfinite(step)) throw JsonataError("D3040", "$range: step must be a non-zero number");
  double count = std::floor((end - start) / step) + 1;
  if (count > 1e7) throw JsonataError("D2014").val(formatNumber(count));
  // A sequence, as AWS's recording shows: $range(1, 9, 9) gives 1, not [1].
  Value out = Value::sequence();
  for (double i = 0; i < count; ++i) out.arr().items.push_back(Value::number(start + i * step));
  return out;
}

Value hash(std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  std::string alg = argAt(a, 1).isUndefined() ? "SHA-256" : a[1].s();
  std::optional<std::string> hex = hexDigest(alg, a[0].s());
  if (!hex) throw JsonataError("D3137", "$hash: unsupported algorithm " + alg);
  return Value::string(*hex);
}

std::string uuid(std::mt19937_64& rng) {
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
                (unsigned long long)((hi >> 16) & 0xFFFF), (unsigned long long)(hi & 0xFFFF),
                (unsigned long long)(lo >> 48), (unsigned long long)(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

}  // namespace

void addAwsFunctions(std::unordered_map<std::string, Value>& host, std::mt19937_64* rng) {
  host["partition"] = makeFn("partition", "<an:a>", 2, [](Evaluator&, std::vector<Value>& a) { return partition(a); });
  host["range"] = makeFn("range", "<nnn?:a>", 3, [](Evaluator&, std::vector<Value>& a) { return range(a); });
  host["hash"] = makeFn("hash", "<s-s?:s>", 2, [](Evaluator&, std::vector<Value>& a) { return hash(a); });
  host["random"] = makeFn("random", "<n?:n>", 1, [rng](Evaluator& ev, std::vector<Value>& a) {
    if (argAt(a, 0).isNumber()) {
      std::mt19937_64 seeded(static_cast<uint64_t>(static_cast<int64_t>(a[0].n())));
      return Value::number(std::uniform_real_distribution<double>(0, 1)(seeded));
    }
    return Value::number(std::uniform_real_distribution<double>(0, 1)(rng ? *rng : ev.rng()));
  });
  host["uuid"] = makeFn("uuid", "<:s>", 0, [rng](Evaluator& ev, std::vector<Value>&) {
    return Value::string(uuid(rng ? *rng : ev.rng()));
  });
  host["parse"] = makeFn("parse", "<s-:j>", 1, [](Evaluator&, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    if (jsonNestingDepth(a[0].s()) > kMaxJsonNesting)  // (as the runtime's own parser: aslrt/json_parse.h)
      throw JsonataError("D3137", "$parse: argument " + textNestedTooDeep());
    try {
      return fromJson(Json::parse(a[0].s()));
    } catch (const std::exception&) {
      throw JsonataError("D3137", "$parse: argument is not valid JSON: " + a[0].s());
    }
  });
}

}  // namespace aslrt::jsonata
