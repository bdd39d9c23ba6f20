// Package jsrt is a small Node-like runtime on goja: enough of Node's globals and built-in
// modules to run existing CommonJS files — Sequelize migrations, seeders, config files and the
// helpers they require — without Node.
//
// A [Runtime] owns one goja VM, its event [Loop] and one CommonJS module cache (built on
// goja_nodejs's require.Registry over an [io/fs.FS] rooted at "/"). It provides:
//
//   - globals: require, module/exports/__filename/__dirname in modules, process, console,
//     Buffer, URL, URLSearchParams, TextEncoder, TextDecoder, setTimeout/setInterval/
//     setImmediate and their clear functions, queueMicrotask, structuredClone, performance,
//     crypto (randomUUID, getRandomValues), global/globalThis;
//   - modules: path (POSIX), fs (read-only, with fs.promises), os, util, events, assert
//     (and assert/strict), crypto (hashes, HMAC, randomness), buffer, url, timers,
//     timers/promises, perf_hooks, tty, process, console, each also reachable as "node:"+name;
//     modules registered with [Runtime.RegisterNativeModule] win over these;
//   - errors that read like Node's: "Cannot find module './x'" with a require stack, fs errors
//     with code/errno/syscall/path, and a clear "Cannot use module … in sqzjs" for built-ins
//     that need Node (child_process, net, http, worker_threads, vm, …).
//
// # TypeScript and ES modules
//
// Files goja cannot run as they are — TypeScript (.ts, .cts, .mts) and ES modules (.mjs, .js with
// import/export statements or under a package.json with "type": "module") — are transpiled to
// CommonJS with esbuild when they are loaded, with an inline source map, so stack traces and
// [ScriptError] positions name the original file, line and column, and esbuild's syntax errors
// are SyntaxErrors there ([TranspileError]). Plain CommonJS files never reach esbuild. require
// finds .ts files as ts-node does. Loader hooks (ts-node/register, @babel/register, tsx, esm, …)
// load as stand-ins that do nothing ([IsLoaderHook]), and dotenv is built in for projects that
// require it without installing it.
//
// # Goroutines
//
// The VM is single-threaded and there is no loop goroutine: JavaScript runs on the goroutine
// that calls [Loop.Await], for the duration of the call ("on the loop"). Start functions,
// callbacks, timers and native functions called by scripts run there; between two Awaits the
// goroutine that drives them may use the VM too (for example [Runtime.Require]). Other
// goroutines may only call [Runtime.Close] and the enqueue functions returned by
// [Loop.Reserve]; they must not touch goja values, and must hand results back as plain Go
// values through a reserved callback. See [Loop.Reserve] for the pattern.
//
// # Errors
//
// Script failures reach Go as [*ScriptError] (message, Node-formatted stack, first user
// location, and the Go error carried by a GoError through Unwrap), process.exit as
// [*ExitError], a missing module as [*ModuleNotFoundError].
//
// # Imports
//
// jsrt imports only goja, goja_nodejs, esbuild, internal/lazyre and the standard library: it knows nothing of Sequelize
// or databases, so its tests need neither. It never reads the process environment, working
// directory or files directly; everything comes through [Options].
package jsrt
