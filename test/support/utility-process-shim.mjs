// Stands in for Electron's utility process host in tests: gives the worker the `process.parentPort`
// Electron would (postMessage out, 'message' events carrying `{ data }` in) on top of Node's IPC channel,
// then runs the real worker entry.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, (data) => listener({ data })),
};
await import(process.argv[2]);
