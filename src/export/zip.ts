/**
 * Zip streaming: packs text files produced chunk by chunk into one zip stream with fflate, never holding a whole file.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";

/** A file to put in the zip: its name and its content as text chunks. */
export interface ZipEntry {
  name: string;
  chunks: AsyncIterable<string>;
}

/** Streams a zip of `entries` (deflated, in order); `modified` is the files' timestamp. */
export async function* zipStream(entries: ZipEntry[], modified: Date): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    // The entry's timestamp is a property of ZipDeflate, not a constructor option.
    file.mtime = modified;
    zip.add(file);
    for await (const chunk of entry.chunks) {
      file.push(strToU8(chunk));
      if (failure) throw failure;
      yield* ready.splice(0);
    }
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  yield* ready.splice(0);
}
