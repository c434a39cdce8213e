/**
 * XML documents: parses a file's text with xmldom and turns its complaints into one clear import error.
 */
import { DOMParser } from "@xmldom/xmldom";
import { ImportError } from "./types.ts";

/** Parses `text` as XML; throws an {@link ImportError} naming `file` when it is not well-formed. */
export function parseXmlDocument(text: string, file: string): Document {
  const problems: string[] = [];
  const record = (message: string) => problems.push(message.replace(/\s+/g, " ").trim());
  const parser = new DOMParser({
    // Warnings (e.g. an unknown entity) do not stop the parse; errors and fatal errors do.
    errorHandler: { warning: () => undefined, error: record, fatalError: record },
  });
  let doc: Document | undefined;
  try {
    doc = parser.parseFromString(text, "application/xml") as unknown as Document;
  } catch (error) {
    record((error as Error).message);
  }
  if (problems.length > 0 || !doc?.documentElement) {
    const detail = problems[0] ?? "no root element";
    throw new ImportError(`import: ${file} is not well-formed XML (${detail}); fix the file or export it again`);
  }
  return doc;
}
