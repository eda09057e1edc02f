// `aslc jsonata`: evaluates one JSONata expression from files, for testing the
// runtime's evaluator against the conformance suite.
#pragma once

// argv[0] is "jsonata"; flags: --expr-file E | --expr TEXT, [--data-file D]
// [--bindings-file B] [--depth N] [--timelimit MS] [--aws] [--seed S].
// Prints the result as JSON (or `undefined`) and returns 0; prints
// {"code":..., "message":...} and returns 1 on a JSONata error; 2 on usage errors.
int runJsonataCommand(int argc, char** argv);
