/**
 * Security headers: helmet's configuration for every answer, and the same headers as a fixed list for the hot routes.
 */
import helmet, { type HelmetOptions } from "helmet";

/** What helmet sends with every answer: a Content-Security-Policy that lets the page run only its own code. */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", "blob:"],
      imgSrc: ["'self'", "data:", "blob:"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The page ships its own fonts (or none); helmet's default would also allow any https: host.
      fontSrc: ["'self'", "data:"],
      // Served over plain HTTP on loopback: upgrading requests to HTTPS would break the page.
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: false,
};

/** A header name and its value. */
export type HeaderPair = readonly [name: string, value: string];

/**
 * The headers helmet sets, collected once by running its middleware against a stub response. The configuration has
 * no per-request parts (no nonces), so every answer gets the same list; the hot routes write it without running helmet.
 */
export function helmetHeaders(options: Readonly<HelmetOptions> = HELMET_OPTIONS): HeaderPair[] {
  const headers: HeaderPair[] = [];
  const stub = {
    setHeader: (name: string, value: string | number | string[]) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let finished = false;
  let failure: unknown = null;
  helmet(options)({} as never, stub as never, (error?: unknown) => {
    finished = true;
    failure = error ?? null;
  });
  if (failure) throw new Error(`securityHeaders: helmet rejected its options: ${String(failure)}; fix HELMET_OPTIONS`);
  if (!finished) {
    throw new Error("securityHeaders: helmet did not set its headers synchronously; remove per-request directives");
  }
  return headers;
}
