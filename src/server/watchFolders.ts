/**
 * Folder watch: one plain fs.watch on graph-data/ and on each of its folders, instead of Node's recursive watch. On
 * Linux (Node 20) the recursive watch keeps a watcher per file and, on every event in a folder, reads the whole
 * folder again synchronously: at 1,000 documents every file a `kg ingest` step adds cost a scan of 2,000 names on
 * the server's event loop. graph-data/ is one level deep (documents/, extracted/, relations/), so this is enough.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/**
 * Calls `changed` with the path (relative to `root`) of every change in `root` or in a folder directly under it,
 * folders created later included; hidden folders are left out. Returns the function that stops watching.
 */
export function watchFolders(root: string, changed: (name: string) => void): () => void {
  const watchers = new Map<string, FSWatcher>();
  const stop = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };
  const add = (folder: string) => {
    if (watchers.has(folder) || path.basename(folder).startsWith(".")) return;
    const watcher = watch(folder, { persistent: false }, (_event, name) => {
      const full = name ? path.join(folder, String(name)) : folder;
      if (folder === root && full !== root) {
        // A folder created or removed under the root: watch it, or stop.
        if (isFolder(full)) add(full);
        else if (watchers.has(full)) stop(full);
      }
      changed(path.relative(root, full));
    });
    watcher.on("error", () => stop(folder));
    watchers.set(folder, watcher);
  };
  add(root);
  for (const entry of readdirSync(root, { withFileTypes: true }))
    if (entry.isDirectory()) add(path.join(root, entry.name));
  return () => {
    for (const folder of [...watchers.keys()]) stop(folder);
  };
}

function isFolder(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
