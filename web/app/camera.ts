/**
 * Camera moves of the page: animated, and always ending on a drawn frame.
 *
 * With `hideEdgesOnMove`, sigma draws no edges while the camera is animated, and it draws again only when the camera
 * state changes. A move to where the camera already is (showing the same path again, a path with the same frame)
 * changes nothing, so the frame drawn during the "move" — without edges — would stay on screen until the next
 * interaction. Hence: no animation when the target is the current state, and a render once any animation ends.
 */
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";

/** Tunables of {@link moveCamera}. */
export interface CameraMoveOptions {
  duration: number;
  /** Below this relative difference in position and ratio, the camera is already there. */
  tolerance: number;
}

export const DEFAULT_CAMERA_MOVE_OPTIONS: CameraMoveOptions = { duration: 600, tolerance: 1e-4 };

/** True when `a` and `b` show the same frame, within `tolerance`. */
function sameFrame(a: CameraState, b: Partial<CameraState>, tolerance: number): boolean {
  const close = (x: number, y: number | undefined) => y === undefined || Math.abs(x - y) <= tolerance * Math.max(1, x);
  return close(a.x, b.x) && close(a.y, b.y) && close(a.ratio, b.ratio);
}

/** Animates the camera of `renderer` to `target`, then draws a frame with the edges; resolves when done. */
export async function moveCamera(
  renderer: Pick<Sigma, "getCamera" | "scheduleRender">,
  target: Partial<CameraState>,
  options: Partial<CameraMoveOptions> = {},
): Promise<void> {
  const { duration, tolerance } = { ...DEFAULT_CAMERA_MOVE_OPTIONS, ...options };
  const camera = renderer.getCamera();
  if (!sameFrame(camera.getState(), target, tolerance)) await camera.animate(target, { duration });
  // A frame drawn while the camera moved has no edges (hideEdgesOnMove); the last move may not have caused another.
  renderer.scheduleRender();
}
