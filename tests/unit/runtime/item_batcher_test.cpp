// ItemBatcher's grouping: MaxItemsPerBatch, MaxInputBytesPerBatch measured
// on the child's input (BatchInput included), an oversized item alone in its
// batch, order kept.
#include <gtest/gtest.h>

#include "item_batcher.h"

namespace aslrt {
namespace {

std::vector<Json> numbers(int n) {
  std::vector<Json> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

TEST(ItemBatcher, MaxItemsPerBatch) {
  BatchPlan plan;
  plan.maxItems = 2;
  plan.maxBytes = 262144;
  std::vector<Json> batches = makeBatches(numbers(5), plan);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0], Json::parse(R"({"Items":[1,2]})"));
  EXPECT_EQ(batches[2], Json::parse(R"({"Items":[5]})"));
}

TEST(ItemBatcher, BatchInputInEveryBatch) {
  BatchPlan plan;
  plan.maxItems = 3;
  plan.maxBytes = 262144;
  plan.batchInput = Json::parse(R"({"run":"r1"})");
  std::vector<Json> batches = makeBatches(numbers(4), plan);
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[1], Json::parse(R"({"BatchInput":{"run":"r1"},"Items":[4]})"));
}

TEST(ItemBatcher, MaxInputBytesCountsTheWholeChildInput) {
  BatchPlan plan;
  plan.maxBytes = static_cast<int64_t>(std::string(R"({"Items":[1,2,3]})").size());  // 17 bytes
  std::vector<Json> batches = makeBatches(numbers(7), plan);
  ASSERT_EQ(batches.size(), 3u);
  for (const Json& b : batches) EXPECT_LE(b.dump().size(), 17u);
  EXPECT_EQ(batches[0]["Items"], Json::parse("[1,2,3]"));
  EXPECT_EQ(batches[2]["Items"], Json::parse("[7]"));
}

TEST(ItemBatcher, OversizedItemGetsABatchOfItsOwn) {
  BatchPlan plan;
  plan.maxBytes = 20;
  std::vector<Json> items = {1, std::string(50, 'x'), 2};
  std::vector<Json> batches = makeBatches(items, plan);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[1]["Items"][0], std::string(50, 'x'));
}

TEST(ItemBatcher, NoItemsNoBatches) {
  BatchPlan plan;
  plan.maxItems = 10;
  EXPECT_TRUE(makeBatches({}, plan).empty());
}

}  // namespace
}  // namespace aslrt
