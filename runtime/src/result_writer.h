// A Distributed Map's ResultWriter: the child executions' results shaped as
// WriterConfig says (Transformation NONE | COMPACT | FLATTEN, OutputType
// JSON | JSONL) and either returned as the Map's result (WriterConfig only)
// or written, as AWS writes them to S3, under --s3-root DIR (bucket = DIR's
// subdirectory): <Prefix>/<map run id>/manifest.json and SUCCEEDED_0 /
// FAILED_0 files; the Map's result is then {"MapRunArn", "ResultWriterDetails"}.
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
#pragma once
#include <string>
#include <vector>

#include "execution.h"

namespace aslrt {

// One child execution as the result files describe it.
struct ChildRun {
  bool ran = false;
  bool ok = false;
  Json input, output;
  Failure failure;
  std::string name, arn;
  int64_t startMicros = 0, stopMicros = 0;
};

struct MapRunIds {
  std::string id;                // the map run's id (a UUID)
  std::string stateMachineName;  // the children's: <machine>/<Label, or a generated UUID>
  std::string arn;               // arn:...:mapRun:<machine>/<label>:<id>
  std::string stateMachineArn;   // the children's: arn:...:stateMachine:<machine>/<label>
};

// Produces the Map's result; false after setting the error
// (States.ResultWriterFailed when a file cannot be written).
bool writeResults(aslrt_frame* f, const MapInfo& map, const Json& stateInput, const MapRunIds& ids,
                  const std::vector<ChildRun>& runs, Json* result);

}  // namespace aslrt
