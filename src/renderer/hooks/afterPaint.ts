/**
 * Runs `task` once the frame being built now has been painted, and answers a cancel
 * function (for an effect's clean-up).
 *
 * For the loads a screen starts on mount that its first frame does not need (the header's
 * checklist state, a pending tray request, storage notices): the first render is synchronous
 * (main.tsx), so its effects run before the browser paints, and a request started there
 * delays that paint by its own work and main's answer arriving mid-frame.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A frame callback runs just before the paint; a task queued from it runs after.
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          timer = setTimeout(task, 0);
        })
      : undefined;
  if (frame === undefined) timer = setTimeout(task, 0);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
