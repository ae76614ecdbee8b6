// Runs before the app's modules (a classic script ahead of the module script in index.html).
// zod compiles object parsers with `new Function` when eval is allowed and probes for it the
// first time a z.object() is built: under our CSP (script-src 'self', no 'unsafe-eval') that
// probe is a reported violation. Turning the JIT off before any schema exists avoids the probe;
// parsing works the same without it. An external file, because the CSP admits no inline script.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
