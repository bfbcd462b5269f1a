import { z } from "zod";

// The Content-Security-Policy forbids eval, so zod must not compile parsers
// with `new Function`. Schemas read this setting when they are created, so
// main.tsx imports this module before any module that defines a schema.
// Jitless also stops zod's eval probe, which the policy reports as a
// violation.
z.config({ jitless: true });
