// ItemReader: turns an object's text into Map items as AWS's reader does
// (JSON array, JSONL, CSV with ReaderConfig), with its limits and errors
// (States.ItemReaderFailed).
#pragma once
#include <optional>
#include <string>

#include "aslrt/failure.h"
#include "aslrt/json.h"

namespace aslrt {

// config: the ReaderConfig object (may be null). maxItems: 0 = no limit.
std::optional<Json> parseItems(const std::string& body, const Json& config, int64_t maxItems, Failure* failure);

}  // namespace aslrt
