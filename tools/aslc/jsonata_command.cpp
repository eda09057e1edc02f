// `aslc jsonata` subcommand (see jsonata_command.h).
#include "jsonata_command.h"

#include <pthread.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "aslrt/cli_args.h"
#include "aslrt/json_parse.h"
#include "aslrt/jsonata.h"

namespace {

struct Options {
  std::string expr;
  bool haveExpr = false;
  std::string dataFile;
  std::string bindingsFile;
  aslrt::jsonata::Limits limits;
  bool aws = false;
  unsigned long long seed = 0;
  bool haveSeed = false;
};

bool readFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

constexpr const char* kUsage =
    "usage: aslc jsonata (--expr-file E | --expr TEXT) [--data-file D] [--bindings-file B]"
    " [--depth N] [--timelimit MS] [--aws] [--seed S]\n";

int usage(const std::string& why) {
  std::cerr << "aslc jsonata: " << why << "\n" << kUsage;
  return 2;
}

int help() {
  std::cout << kUsage
            << "Evaluates a JSONata expression (the runtime's evaluator, as JSONata states use it) and\n"
               "prints its result as JSON ('undefined' when it has none), or its error as\n"
               "{\"code\", \"message\", \"position\"} with exit status 1.\n\n"
               "  --expr-file E      the expression, from file E\n"
               "  --expr TEXT        the expression itself\n"
               "  --data-file D      the input document ($), a JSON file (default: none)\n"
               "  --bindings-file B  variables, a JSON object of name -> value\n"
               "  --depth N          the deepest evaluation allowed (error U1001 beyond it)\n"
               "  --timelimit MS     the most CPU time the evaluation may take, in milliseconds (U1001)\n"
               "  --aws              also the functions AWS adds ($partition, $uuid, $hash, ...)\n"
               "  --seed S           seed for $random and $uuid (default: random)\n";
  return 0;
}

// A flag's value as a non-negative integer no larger than max.
bool integerValue(const std::string& flag, const std::string& text, long long max, long long* out,
                  std::string* problem) {
  std::optional<long long> n = aslrt::parseInteger(text);
  if (n && *n <= max) return *out = *n, true;
  *problem = flag + " needs a whole number from 0 to " + std::to_string(max) + ", not '" + text + "'";
  return false;
}

// Returns an empty string on success, else the usage problem.
std::string parseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--aws") { o->aws = true; continue; }
    if (i + 1 >= argc) return "missing value for " + a;
    std::string v = argv[++i];
    std::string problem;
    long long n = 0;
    if (a == "--expr-file") {
      if (!readFile(v, &o->expr)) return "cannot read " + v;
      o->haveExpr = true;
    } else if (a == "--expr") {
      o->expr = v;
      o->haveExpr = true;
    } else if (a == "--data-file") {
      o->dataFile = v;
    } else if (a == "--bindings-file") {
      o->bindingsFile = v;
    } else if (a == "--depth") {
      if (!integerValue(a, v, INT_MAX, &n, &problem)) return problem;
      o->limits.maxDepth = static_cast<int>(n);
    } else if (a == "--timelimit") {
      if (!integerValue(a, v, INT_MAX, &n, &problem)) return problem;
      o->limits.timeLimitMs = static_cast<int>(n);
    } else if (a == "--seed") {
      if (!integerValue(a, v, 999999999999999999LL, &n, &problem)) return problem;  // parseInteger: 18 digits
      o->seed = static_cast<unsigned long long>(n);
      o->haveSeed = true;
    } else {
      return "unknown flag " + a;
    }
  }
  return o->haveExpr ? "" : "no expression given";
}

void printError(const aslrt::jsonata::Error& e) {
  aslrt::Json j = {{"code", e.code}, {"message", e.message}, {"position", e.position}};
  if (!e.token.empty()) j["token"] = e.token;
  std::cout << j.dump(-1, ' ', false, aslrt::Json::error_handler_t::replace) << "\n";
}

struct Job {
  Options* options;
  aslrt::Json data;
  bool haveData = false;
  aslrt::Json bindings = aslrt::Json::object();
  int status = 0;
};

int evaluate(Job& job) {
  Options& o = *job.options;
  aslrt::jsonata::Error err;
  auto expr = aslrt::jsonata::Expression::compile(o.expr, &err);
  if (!expr) {
    printError(err);
    return 1;
  }
  std::mt19937_64 rng(o.haveSeed ? o.seed : std::random_device{}());
  if (o.aws) expr->registerAwsFunctions(&rng);
  auto result = expr->evaluate(job.haveData ? &job.data : nullptr, job.bindings, o.limits, &err);
  if (!err.code.empty()) {
    printError(err);
    return 1;
  }
  if (!result) std::cout << "undefined\n";
  else std::cout << result->dump(-1, ' ', false, aslrt::Json::error_handler_t::replace) << "\n";
  return 0;
}

// Deep (non-tail) recursion in expressions needs a large native stack, so
// evaluation runs on a thread with 256 MiB of it.
void* runJob(void* p) {
  auto* job = static_cast<Job*>(p);
  job->status = evaluate(*job);
  return nullptr;
}

}  // namespace

int runJsonataCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return help();
  Options o;
  std::string problem = parseArgs(argc, argv, &o);
  if (!problem.empty()) return usage(problem);
  Job job;
  job.options = &o;
  std::string text;
  // As deep as a state's input may be (aslrt/json_parse.h): the evaluator
  // converts documents recursively.
  auto tooDeep = [&](const std::string& file) {
    return aslrt::jsonNestingDepth(text) > aslrt::kMaxJsonNesting
               ? file + " " + aslrt::textNestedTooDeep()
               : std::string();
  };
  try {
    if (!o.dataFile.empty()) {
      if (!readFile(o.dataFile, &text)) return usage("cannot read " + o.dataFile);
      if (std::string why = tooDeep(o.dataFile); !why.empty()) return usage(why);
      job.data = aslrt::Json::parse(text);
      job.haveData = true;
    }
    if (!o.bindingsFile.empty()) {
      if (!readFile(o.bindingsFile, &text)) return usage("cannot read " + o.bindingsFile);
      if (std::string why = tooDeep(o.bindingsFile); !why.empty()) return usage(why);
      job.bindings = aslrt::Json::parse(text);
    }
  } catch (const std::exception& e) {
    return usage(std::string("invalid JSON: ") + e.what());
  }
  const size_t stackBytes = 256u << 20;
  if (o.limits.maxStackBytes == 0) o.limits.maxStackBytes = stackBytes - (16u << 20);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stackBytes);
  pthread_t thread;
  if (pthread_create(&thread, &attr, runJob, &job) != 0) {
    o.limits.maxStackBytes = 0;
    return evaluate(job);
  }
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return job.status;
}
