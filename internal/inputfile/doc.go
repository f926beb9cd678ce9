// Package inputfile reads the files tonsim takes from outside: scenarios,
// saved worlds, contract packages and BOC files. Every such read goes
// through [Policy.Read], which
//
//   - refuses anything that is not a regular file (a named pipe, a device
//     such as /dev/zero, a directory, a socket) before reading a byte, so
//     nothing hangs and nothing reads forever;
//   - reads at most a size limit: the [Kind]'s default ([DefaultScenarioLimit],
//     [DefaultWorldLimit], [DefaultContractLimit]) unless [Policy.MaxSize]
//     says otherwise;
//   - never quotes the file's content in an error, only its path, its kind
//     and what was wrong.
//
// [Policy.Resolve] turns a path written inside a scenario into one to read:
// relative to the scenario's directory, and inside that directory's tree or
// one of [Policy.Allow]'s, symbolic links followed.
package inputfile
