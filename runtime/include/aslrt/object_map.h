// The member container of every JSON object (Json's object_t): members kept
// in the order they were first inserted, as AWS keeps them. A Pass state's
// Result {"b": 1, "a": 2} leaves the state as {"b":1,"a":2}, a template's
// fields come out in the order written, and States.JsonToString prints the
// input's members in the input's order (std::map would sort them all).
//
// Members live in one vector: no node per member, and the small objects
// workflows are made of are searched by a short linear scan. Objects with
// more than kIndexedFrom members also keep a hash index (positions in the
// vector), so building or searching a large one stays linear overall.
//
// Unlike std::map, inserting or erasing a member moves the others: a
// pointer or iterator into an object is good only until its next insertion
// or erasure.
#pragma once
#include <algorithm>
#if __cplusplus >= 202002L
#include <compare>
#endif
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace aslrt {

// Whether two keys are equal. Keys are mostly a few bytes long: up to 16
// they are compared here by at most two overlapping loads a side, which
// costs less than the call to memcmp it replaces (a call per member looked
// at, many per state).
inline bool sameKey(std::string_view a, std::string_view b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  auto differ = [&](auto word, size_t at) {
    decltype(word) u, v;
    std::memcpy(&u, x + at, sizeof u);
    std::memcpy(&v, y + at, sizeof v);
    return u != v;
  };
  if (n >= 8) {
    if (n > 16) return std::memcmp(x, y, n) == 0;
    return !differ(uint64_t(), 0) && !differ(uint64_t(), n - 8);
  }
  if (n >= 4) return !differ(uint32_t(), 0) && !differ(uint32_t(), n - 4);
  if (n == 0) return true;
  return x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1];  // every byte of 1-3
}

// The positions of an object's members, by key: open addressing over a
// power-of-two table of position+1 (0 marks an empty slot).
class MemberIndex {
 public:
  template <class Entries>
  explicit MemberIndex(const Entries& entries) {
    size_t capacity = 32;
    while (capacity < entries.size() * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    for (size_t i = 0; i < entries.size(); ++i) place(hashOf(entries[i].first), i);
  }

  static size_t hashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

  // The position of `key` (hashed as `hash`), or SIZE_MAX.
  template <class Entries>
  size_t find(const Entries& entries, std::string_view key, size_t hash) const {
    for (size_t slot = hash & mask();; slot = (slot + 1) & mask()) {
      uint32_t at = slots_[slot];
      if (at == 0) return SIZE_MAX;
      const auto& candidate = entries[at - 1].first;
      if (sameKey(candidate, key)) return at - 1;
    }
  }

  // Records the member just appended at `position`; false when the table
  // is too full to take it (the caller then builds a larger one).
  bool add(size_t hash, size_t position) {
    if ((position + 1) * 2 > slots_.size()) return false;
    place(hash, position);
    return true;
  }

 private:
  size_t mask() const { return slots_.size() - 1; }
  void place(size_t hash, size_t position) {
    size_t slot = hash & mask();
    while (slots_[slot] != 0) slot = (slot + 1) & mask();
    slots_[slot] = static_cast<uint32_t>(position + 1);
  }
  std::vector<uint32_t> slots_;
};

// Key is the JSON string type; Json's comparator and allocator arguments are
// accepted and unused (keys are compared as bytes, for equality only).
template <class Key, class T, class UnusedCompare = void, class UnusedAllocator = void>
class ObjectMap {
 public:
  using key_type = Key;
  using mapped_type = T;
  using value_type = std::pair<Key, T>;
  using Entries = std::vector<value_type>;
  using iterator = typename Entries::iterator;
  using const_iterator = typename Entries::const_iterator;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = value_type&;
  using const_reference = const value_type&;
  using allocator_type = typename Entries::allocator_type;
  // Transparent: Json looks members up by std::string_view and const char*
  // without making a std::string.
  using key_compare = std::less<>;

  static constexpr size_t kIndexedFrom = 16;

  ObjectMap() = default;
  ObjectMap(const ObjectMap& other) : entries_(other.entries_) { reindex(); }
  ObjectMap(ObjectMap&&) noexcept = default;
  ObjectMap& operator=(const ObjectMap& other) {
    if (this != &other) {
      entries_ = other.entries_;
      reindex();
    }
    return *this;
  }
  ObjectMap& operator=(ObjectMap&&) noexcept = default;
  template <class InputIt>
  ObjectMap(InputIt first, InputIt last) {
    insert(first, last);
  }
  ObjectMap(std::initializer_list<value_type> members) { insert(members.begin(), members.end()); }

  iterator begin() noexcept { return entries_.begin(); }
  iterator end() noexcept { return entries_.end(); }
  const_iterator begin() const noexcept { return entries_.begin(); }
  const_iterator end() const noexcept { return entries_.end(); }
  const_iterator cbegin() const noexcept { return entries_.begin(); }
  const_iterator cend() const noexcept { return entries_.end(); }
  size_type size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  size_type max_size() const noexcept { return entries_.max_size(); }
  void reserve(size_type n) { entries_.reserve(n); }
  void clear() noexcept {
    entries_.clear();
    index_.reset();
  }

  template <class K>
  iterator find(const K& key) {
    return begin() + positionOf(key);
  }
  template <class K>
  const_iterator find(const K& key) const {
    return begin() + positionOf(key);
  }
  template <class K>
  size_type count(const K& key) const {
    return positionOf(key) != size() ? 1 : 0;
  }
  template <class K>
  bool contains(const K& key) const {
    return count(key) != 0;
  }

  template <class K>
  T& at(const K& key) {
    size_t at = positionOf(key);
    if (at == size()) throw std::out_of_range("no such member");
    return entries_[at].second;
  }
  template <class K>
  const T& at(const K& key) const {
    return const_cast<ObjectMap*>(this)->at(key);
  }

  // The member named `key`, appended as null when it is missing.
  template <class K>
  T& operator[](K&& key) {
    return emplace(std::forward<K>(key), T()).first->second;
  }

  // Appends the member unless one has its key (that one is left alone).
  template <class K, class... Args>
  std::pair<iterator, bool> emplace(K&& key, Args&&... value) {
    std::string_view name = keyView(key);
    size_t hash = hashForAppend(name);
    size_t at = index_ ? index_->find(entries_, name, hash) : linearFind(name);
    if (at != SIZE_MAX) return {begin() + at, false};
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::forward<K>(key)),
                          std::forward_as_tuple(std::forward<Args>(value)...));
    noteAppended(hash);
    return {end() - 1, true};
  }

  std::pair<iterator, bool> insert(const value_type& member) { return emplace(member.first, member.second); }
  std::pair<iterator, bool> insert(value_type&& member) {
    return emplace(std::move(member.first), std::move(member.second));
  }
  template <class InputIt>
  void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) emplace(first->first, first->second);
  }

  // Appends a member whose key the caller knows is not there yet (a fresh
  // object's distinct template keys): no search.
  // (The key is forwarded, not taken by value: a key moved from another
  // object is moved once, and a short key's move is a memcpy call.)
  template <class K>
  T& appendNew(K&& key, T&& value) {
    size_t hash = hashForAppend(keyView(key));
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::forward<K>(key)),
                          std::forward_as_tuple(std::move(value)));
    noteAppended(hash);
    return entries_.back().second;
  }

  // Puts the members in key order (by bytes unless `less` says otherwise),
  // the order of the responses AWS's service integrations write.
  template <class Less = std::less<>>
  void sortByKey(Less less = Less()) {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [&](const value_type& a, const value_type& b) { return less(a.first, b.first); });
    reindex();
  }

  iterator erase(const_iterator first, const_iterator last) {
    iterator next = entries_.erase(first, last);
    size_t at = static_cast<size_t>(next - begin());
    reindex();
    return begin() + at;
  }
  iterator erase(const_iterator position) { return erase(position, position + 1); }
  iterator erase(iterator position) { return erase(const_iterator(position), const_iterator(position) + 1); }
  template <class K, class = std::enable_if_t<!std::is_convertible_v<const K&, const_iterator>>>
  size_type erase(const K& key) {
    size_t at = positionOf(key);
    if (at == size()) return 0;
    erase(begin() + at);
    return 1;
  }

  // Members match by key whatever their order: {"a":1,"b":2} equals {"b":2,"a":1}.
  friend bool operator==(const ObjectMap& a, const ObjectMap& b) {
    if (a.size() != b.size()) return false;
    for (const value_type& member : a) {
      size_t at = b.positionOf(member.first);
      if (at == b.size() || !(b.entries_[at].second == member.second)) return false;
    }
    return true;
  }
  // An order consistent with ==: the members compared in key order.
#if defined(__cpp_impl_three_way_comparison) && defined(__cpp_lib_three_way_comparison)
  friend std::partial_ordering operator<=>(const ObjectMap& a, const ObjectMap& b) {
    int c = compare(a, b);
    return c < 0 ? std::partial_ordering::less : c > 0 ? std::partial_ordering::greater : std::partial_ordering::equivalent;
  }
#else  // a handler compiled as C++17
  friend bool operator<(const ObjectMap& a, const ObjectMap& b) { return compare(a, b) < 0; }
#endif

 private:
  template <class K>
  static std::string_view keyView(const K& key) {
    return std::string_view(key);
  }
  template <class K>
  size_t positionOf(const K& key) const {
    std::string_view name = keyView(key);
    size_t at = index_ ? index_->find(entries_, name, MemberIndex::hashOf(name)) : linearFind(name);
    return at == SIZE_MAX ? size() : at;
  }
  size_t linearFind(std::string_view name) const {
    // (over pointers: with entries_.size() in the condition, every memcmp
    // call made the compiler reload the vector and divide again)
    const value_type* first = entries_.data();
    const value_type* last = first + entries_.size();
    for (const value_type* member = first; member != last; ++member)
      if (sameKey(member->first, name)) return static_cast<size_t>(member - first);
    return SIZE_MAX;
  }
  // The key's hash when the index will need it (it has one, or the member
  // about to be appended makes one), else 0.
  size_t hashForAppend(std::string_view key) const {
    return index_ || size() + 1 > kIndexedFrom ? MemberIndex::hashOf(key) : 0;
  }
  void noteAppended(size_t hash) {
    if (size() <= kIndexedFrom) return;
    if (!index_ || !index_->add(hash, size() - 1)) index_ = std::make_unique<MemberIndex>(entries_);
  }
  void reindex() {
    if (size() > kIndexedFrom)
      index_ = std::make_unique<MemberIndex>(entries_);
    else
      index_.reset();
  }
  static int compare(const ObjectMap& a, const ObjectMap& b) {
    std::vector<const value_type*> x = a.byKey(), y = b.byKey();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (int c = x[i]->first.compare(y[i]->first)) return c;
      if (x[i]->second < y[i]->second) return -1;
      if (y[i]->second < x[i]->second) return 1;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  std::vector<const value_type*> byKey() const {
    std::vector<const value_type*> sorted;
    sorted.reserve(size());
    for (const value_type& member : entries_) sorted.push_back(&member);
    std::sort(sorted.begin(), sorted.end(), [](auto* l, auto* r) { return l->first < r->first; });
    return sorted;
  }

  Entries entries_;
  std::unique_ptr<MemberIndex> index_;  // present when there are more than kIndexedFrom members
};

}  // namespace aslrt
