// How a Json value frees what it owns. Included by json.h right after the
// Json alias, before any code can destroy a Json: include aslrt/json.h, never
// this file on its own.
//
// nlohmann's json_value::destroy is one large out-of-line function: every
// value destroyed pays its call and prologue, numbers and nulls included, and
// every array or object first has its whole subtree moved onto a heap-
// allocated stack (so that a deep value cannot overflow the call stack).
// Most values a workflow destroys are scalars and small containers; in the
// intrinsics-mix workload that function alone took 9 % of the time.
//
// So aslrt::Json has its own destroy: an explicit specialization of that
// member for this one basic_json specialization (C++ allows specializing a
// member of an implicitly instantiated class template specialization,
// [temp.expl.spec]). Scalars return at once, inline; strings are deleted;
// containers are freed by plain recursion through their elements'
// destructors, bounded to kFreeRecursion levels (fibers run on 1 MiB stacks),
// and only a subtree below that depth is flattened onto a heap stack the way
// nlohmann does it.
#pragma once
#include <memory>
#include <vector>

// Written against nlohmann 3.11 (Debian 12 ships 3.11.2): a later version may
// call destroy from elsewhere or change what it must free; re-check then.
static_assert(NLOHMANN_JSON_VERSION_MAJOR == 3 && NLOHMANN_JSON_VERSION_MINOR == 11,
              "aslrt/json_free.h replaces nlohmann's json_value::destroy: re-check it against this version");

// Declared before anything below can destroy a Json (the vectors of the
// helpers do), as an explicit specialization must be.
template <>
inline void aslrt::Json::json_value::destroy(nlohmann::detail::value_t t);

namespace aslrt {
namespace json_free {

// Containers deeper than this are flattened instead of recursed into: a few
// hundred bytes of stack per level at most.
constexpr int kFreeRecursion = 64;

// How many containers this thread is freeing by recursion right now.
inline thread_local int recursionDepth = 0;

template <class T>
void deallocate(T* p) {
  if (!p) return;  // (3.11.3 may destroy a value whose construction threw half-way)
  using Alloc = typename std::allocator_traits<Json::allocator_type>::template rebind_alloc<T>;
  Alloc alloc;
  std::allocator_traits<Alloc>::destroy(alloc, p);
  std::allocator_traits<Alloc>::deallocate(alloc, p, 1);
}

// Moves the children of a container out onto `stack`, leaving it empty.
inline void takeChildren(Json::array_t& items, std::vector<Json>& stack) {
  for (Json& item : items) stack.push_back(std::move(item));
  items.clear();
}
inline void takeChildren(Json::object_t& members, std::vector<Json>& stack) {
  for (auto& member : members) stack.push_back(std::move(member.second));
  members.clear();
}

// Frees a container past the recursion bound: its descendants are moved onto
// a heap stack level by level, so each is destroyed with no children left.
template <class Container>
[[gnu::noinline]] void freeFlattened(Container* c) {
  std::vector<Json> stack;
  takeChildren(*c, stack);
  while (!stack.empty()) {
    Json item(std::move(stack.back()));
    stack.pop_back();
    if (item.is_array()) takeChildren(item.template get_ref<Json::array_t&>(), stack);
    if (item.is_object()) takeChildren(item.template get_ref<Json::object_t&>(), stack);
  }  // (item, now childless, is destroyed here)
  deallocate(c);
}

template <class Container>
void freeContainer(Container* c) {
  if (!c) return;
  if (recursionDepth >= kFreeRecursion) return freeFlattened(c);
  ++recursionDepth;
  deallocate(c);  // the elements' destructors free them, one level deeper
  --recursionDepth;
}

}  // namespace json_free
}  // namespace aslrt

template <>
inline void aslrt::Json::json_value::destroy(nlohmann::detail::value_t t) {
  using nlohmann::detail::value_t;
  switch (t) {
    case value_t::string: return aslrt::json_free::deallocate(string);
    case value_t::array: return aslrt::json_free::freeContainer(array);
    case value_t::object: return aslrt::json_free::freeContainer(object);
    case value_t::binary: return aslrt::json_free::deallocate(binary);
    default: return;  // null, booleans, numbers, discarded: nothing owned
  }
}
