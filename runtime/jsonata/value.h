// The evaluator's value model. JSONata values are JSON values plus `undefined`,
// functions, and arrays carrying jsonata-js's hidden flags (sequence,
// keepSingleton, ...) which drive its flattening rules. Payloads are shared, as
// JS objects are shared by reference.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aslrt/json.h"

namespace aslrt::jsonata {

enum class Type : uint8_t { Undefined, Null, Bool, Number, String, Array, Object, Function };

struct ArrayData;
struct ObjectData;
struct FunctionData;

class Value {
 public:
  Value() = default;  // undefined
  static Value null();
  static Value boolean(bool b);
  static Value number(double d);
  static Value string(std::string s);
  static Value array();  // fresh, empty, plain array
  static Value sequence();  // fresh, empty sequence
  static Value object();
  static Value function(std::shared_ptr<FunctionData> f);

  Type type() const { return t_; }
  bool isUndefined() const { return t_ == Type::Undefined; }
  bool isNull() const { return t_ == Type::Null; }
  bool isBool() const { return t_ == Type::Bool; }
  bool isNumber() const { return t_ == Type::Number; }
  bool isString() const { return t_ == Type::String; }
  bool isArray() const { return t_ == Type::Array; }
  bool isObject() const { return t_ == Type::Object; }
  bool isFunction() const { return t_ == Type::Function; }

  bool b() const { return b_; }
  double n() const { return n_; }
  const std::string& s() const { return *static_cast<std::string*>(p_.get()); }
  ArrayData& arr() const { return *static_cast<ArrayData*>(p_.get()); }
  ObjectData& obj() const { return *static_cast<ObjectData*>(p_.get()); }
  FunctionData& fn() const { return *static_cast<FunctionData*>(p_.get()); }
  const void* identity() const { return p_.get(); }
  // An array or object no other value shares (its payload dies with it).
  bool ownsContainer() const { return (t_ == Type::Array || t_ == Type::Object) && p_.use_count() == 1; }

 private:
  Type t_ = Type::Undefined;
  bool b_ = false;
  double n_ = 0;
  std::shared_ptr<void> p_;
};

// Both containers take their nested containers apart iteratively when they
// die: a value built 20,000 levels deep by $reduce would otherwise overflow
// the stack one destructor per level.
struct ArrayData {
  ArrayData() = default;
  ArrayData(const ArrayData&) = default;
  ArrayData& operator=(const ArrayData&) = default;
  ~ArrayData();
  std::vector<Value> items;
  bool sequence = false;       // produced by path evaluation; may collapse
  bool keepSingleton = false;  // `[]` suffix: never collapse to a singleton
  bool outerWrapper = false;   // the top-level input array wrapped once
  bool tupleStream = false;    // items are binding tuples (objects with '@')
  bool cons = false;           // built by an array constructor
};

// Insertion-ordered object; the hash index appears only once it pays off.
struct ObjectData {
  ObjectData() = default;
  ObjectData(const ObjectData&) = default;
  ObjectData& operator=(const ObjectData&) = default;
  ~ObjectData();
  std::vector<std::pair<std::string, Value>> entries;
  const Value* get(const std::string& key) const;
  void set(const std::string& key, Value v);
  bool erase(const std::string& key);
  size_t size() const { return entries.size(); }

 private:
  mutable std::unordered_map<std::string, size_t> index_;
  mutable bool indexed_ = false;
  void reindex() const;
};

// Helpers shared by the evaluator and the function library.
Value fromJson(const Json& j);  // objects keep their members' order
// Throws D1001 for non-finite numbers, U1001 for a value nested deeper than
// the runtime accepts (kMaxJsonNesting, aslrt/json_parse.h).
Json toJson(const Value& v);
bool deepEqual(const Value& a, const Value& b);
bool isInteger(double d);
bool isArrayOfStrings(const Value& v);
bool isArrayOfNumbers(const Value& v);
Value makeSequence(Value item);        // sequence of one item (or empty if undefined)
Value arrayOf(std::vector<Value> items);  // plain array
Value deepClone(const Value& v);       // fresh copies of arrays/objects
// jsonata-js collapses sequences: empty -> undefined, singleton -> item.
Value unwrapSequence(const Value& v);
// Called by the recursive walks over values (equality, cloning, JSON text,
// descendants) at each level: throws U1001 when the evaluation's stack
// budget is spent, as deep evaluation does (Evaluator::enter).
void checkValueStack();

}  // namespace aslrt::jsonata
