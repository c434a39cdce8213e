/**
 * zod settings of the page, imported before any schema is built (the server's shared schemas included).
 */
import { z } from "zod";

// The page's CSP forbids eval; without this zod probes `new Function` once and the browser reports a CSP violation.
z.config({ jitless: true });
