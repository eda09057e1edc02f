// A compiled expression: the node arena, its root, and host-added functions.
#pragma once
#include <random>
#include <string>
#include <unordered_map>

#include "ast.h"
#include "value.h"

namespace aslrt::jsonata {

class Program {
 public:
  Arena arena;
  Node* root = nullptr;
  std::unordered_map<std::string, Value> hostFunctions;
};

// aws_functions.cpp: $partition, $range, $hash, $random, $uuid, $parse.
void addAwsFunctions(std::unordered_map<std::string, Value>& host, std::mt19937_64* rng);

}  // namespace aslrt::jsonata
